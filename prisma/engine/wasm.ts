import { readFile } from "node:fs/promises";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

// The engine reports a Rust panic's message here before trapping (as Prisma's CLI does).
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

/** The message of the panic behind a WebAssembly trap, once. */
export function takePanicMessage(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

// The package's entry imports the .wasm file as an ES module, which Node 20 only allows
// behind a flag; instantiating it by hand is what that entry does.
async function loadBindings(): Promise<typeof bindings> {
  const wasmPath = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export async function startEngine(
  datamodels: [string, string][] | undefined,
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void,
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  return SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory));
}
