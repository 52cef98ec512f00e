/**
 * The bytes of a WebAssembly module of one exported function that takes only i32 parameters, returns nothing and
 * works on the memory it imports as env.memory: the frame the hand-assembled SIMD kernels share
 * (embeddings/int8-dot-products.ts, vector-index/float-distances.ts), each giving its own function body.
 */

/** The few WebAssembly calls used (the project's TypeScript lib, ES2023 without DOM, does not declare them). */
export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => CompiledModule;
  readonly Instance: new (module: CompiledModule, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { readonly initial: number }) => { readonly buffer: ArrayBuffer };
}
export type CompiledModule = { readonly compiled: unique symbol };
/** This runtime's WebAssembly, when it has one. */
export const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

export function singleFunctionModule(exportName: string, parameters: number, body: readonly number[]): Uint8Array {
  const section = (id: number, content: number[]) => [id, ...leb128(content.length), ...content];
  const name = (text: string) => [text.length, ...Array.from(text, (character) => character.charCodeAt(0))];
  const I32 = 0x7f;
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, parameters, ...new Array<number>(parameters).fill(I32), 0]), // type: (i32 × parameters) -> ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]), // import env.memory, at least 1 page
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...name(exportName), 0x00, 0]), // export it under its name
    ...section(10, [1, ...leb128(body.length), ...body]),
  ]);
}

/** An unsigned integer in LEB128, as WebAssembly writes sizes, indices and SIMD opcodes. */
export function leb128(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}
