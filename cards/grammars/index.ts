import type { CommandGrammar } from "../grammar-types";
import docker from "./docker.json";

/** The CLI grammars typed answers are read with, by program (made by `npm run cards`). */
export const grammars: Record<string, CommandGrammar> = { docker: docker as unknown as CommandGrammar };

/** The programs that have a grammar, for `npm run cards` to compile. */
export const grammarPrograms = ["docker"] as const;
