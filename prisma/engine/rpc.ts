import { createInterface } from "node:readline";
import { type SchemaEngine, takePanicMessage } from "./wasm.ts";

type Request = { id: number | string; method: string; params?: unknown };
type Reply = { id: number | string; result?: unknown; error?: unknown };
type EngineCall = (engine: SchemaEngine, params: unknown) => Promise<unknown>;

// Methods whose wasm name differs from the protocol name, or that the wasm lacks.
const renamed: Record<string, EngineCall> = {
  getDatabaseVersion: (engine, params) => engine.version(params as never),
  version: (engine, params) => engine.version(params as never),
};

function engineMethod(name: string): EngineCall {
  return (engine, params) => {
    const method = (engine as unknown as Record<string, unknown>)[name];
    if (typeof method !== "function") throw new Error(`Unknown schema engine method: ${name}`);
    // Called on the instance: a detached wasm-bindgen method loses its pointer.
    return method.call(engine, params);
  };
}

function send(message: object): void {
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

/** The error shape Prisma's CLI reads from the native engine. */
export function toRpcError(error: unknown): object {
  const e = error as { code?: string; message?: string; meta?: unknown; name?: string };
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const panicMessage = isPanic ? takePanicMessage() : undefined;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: isPanic,
      message: panicMessage ?? e?.message ?? String(error),
      ...(e?.code ? { error_code: e.code, meta: e.meta ?? null } : {}),
    },
  };
}

export type Hooks = {
  /** Called before a method reaches the engine; may run other methods first. */
  before?: (engine: SchemaEngine, method: string, params: unknown) => Promise<void>;
  /** Methods served in JavaScript instead of by the engine. */
  local?: Record<string, (params: unknown) => Promise<unknown>>;
};

/** Serve JSON-RPC 2.0, one object per line, until stdin closes. */
export async function serve(getEngine: () => Promise<SchemaEngine>, hooks: Hooks = {}): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let queue = Promise.resolve();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const message = JSON.parse(line) as Request | Reply;
    if (!("method" in message)) continue; // the CLI's answer to a `print` request
    // One request at a time, in order, as the native engine does.
    queue = queue.then(() => handle(message, getEngine, hooks));
  }
  await queue;
}

async function handle(request: Request, getEngine: () => Promise<SchemaEngine>, hooks: Hooks): Promise<void> {
  try {
    const local = hooks.local?.[request.method];
    if (local) return send({ id: request.id, result: await local(request.params) });
    const engine = await getEngine();
    await hooks.before?.(engine, request.method, request.params);
    const call = renamed[request.method] ?? engineMethod(request.method);
    const result = await call(engine, request.params ?? {});
    if (request.method === "diff") return sendDiff(request.id, result as { stdout: string | null; exitCode: number });
    send({ id: request.id, result: result ?? {} });
  } catch (error) {
    send({ id: request.id, error: toRpcError(error) });
  }
}

// The native engine prints a diff through a `print` request to the CLI; the wasm build
// returns it instead.
function sendDiff(id: Request["id"], { stdout, ...rest }: { stdout: string | null; exitCode: number }): void {
  if (stdout) send({ id: `print-${id}`, method: "print", params: { content: stdout.replace(/\n$/, "") } });
  send({ id, result: rest });
}
