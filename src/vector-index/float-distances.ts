/**
 * hnswlib's inner-product distance on x86-64 without AVX (`InnerProductDistanceSIMD4ExtSSE`: four float lanes, lane j
 * summing the products of dimensions j, j + 4, …, then 1 − (((lane 0 + lane 1) + lane 2) + lane 3)) computed by
 * WebAssembly's 128-bit SIMD, for many stored vectors in one call. `f32x4.mul` and `f32x4.add` round each lane to
 * float as SSE's `mulps` and `addps` do, so every distance is hnswlib's to the bit, ~10× faster than the same sum
 * in JavaScript (saved-vectors.ts `sseDistance`, which tests compare it with). The module is assembled below.
 *
 * The memory holds the query, a list of element numbers, their distances, and whatever the caller places after
 * `scratchBytes` (the saved graph's bytes, saved-graph.ts).
 */
import { leb128, singleFunctionModule, webAssembly, type CompiledModule } from '../embeddings/wasm-module.js';

const PAGE = 65_536;

export interface FloatDistances {
  /** The memory's bytes; the caller's data starts at `scratchBytes`. */
  readonly buffer: ArrayBuffer;
  readonly scratchBytes: number;
  /** Where the caller writes the query (its `dimensions` floats). */
  readonly query: Float32Array;
  /** Where the caller writes element numbers, and where `compute` writes their distances. */
  readonly ids: Uint32Array;
  readonly out: Float32Array;
  /**
   * out[i] = 1 − query · the vector of element ids[i], for i < count: the element's vector starts `vectorsAt` bytes
   * into the memory plus the element number times `stride` bytes.
   */
  compute(count: number, vectorsAt: number, stride: number): void;
}

/**
 * A memory of `scratch + dataBytes` with the module over it, or undefined when this runtime has no WebAssembly SIMD
 * or the dimensions are not a multiple of 4 (hnswlib sums such vectors another way).
 */
export function floatDistances(dimensions: number, maxIds: number, dataBytes: number): FloatDistances | undefined {
  if (dimensions % 4 !== 0 || dimensions === 0) return undefined;
  const module = simdModule();
  if (module === undefined || webAssembly === undefined) return undefined;
  const queryBytes = dimensions * 4;
  const scratchBytes = Math.ceil((queryBytes + maxIds * 8) / PAGE) * PAGE;
  const memory = new webAssembly.Memory({ initial: Math.ceil((scratchBytes + dataBytes) / PAGE) });
  const instance = new webAssembly.Instance(module, { env: { memory } });
  const distances = instance.exports['distances'] as (
    query: number,
    base: number,
    stride: number,
    ids: number,
    count: number,
    out: number,
    bytes: number,
  ) => void;
  const idsAt = queryBytes;
  const outAt = idsAt + maxIds * 4;
  return {
    buffer: memory.buffer,
    scratchBytes,
    query: new Float32Array(memory.buffer, 0, dimensions),
    ids: new Uint32Array(memory.buffer, idsAt, maxIds),
    out: new Float32Array(memory.buffer, outAt, maxIds),
    compute: (count, vectorsAt, stride) => distances(0, vectorsAt, stride, idsAt, count, outAt, queryBytes),
  };
}

let compiled: CompiledModule | null | undefined;

function simdModule(): CompiledModule | undefined {
  if (compiled === undefined) compiled = compile() ?? null;
  return compiled ?? undefined;
}

function compile(): CompiledModule | undefined {
  const bytes = assemble();
  return webAssembly?.validate(bytes) === true ? new webAssembly.Module(bytes) : undefined;
}

/*
 * (func (export "distances") (param $query $base $stride $ids $count $out $bytes i32)
 *   (local $end i32) (local $vector i32) (local $at i32) (local $sum v128)
 *   $end = $ids + $count * 4
 *   block loop                                        ;; every element
 *     br_if 1 ($ids >= $end)
 *     $vector = $base + load_i32($ids) * $stride; $sum = 0; $at = 0
 *     loop                                            ;; four floats at a time
 *       $sum = f32x4.add($sum, f32x4.mul(load($query + $at), load($vector + $at)))
 *       $at += 16; br_if 0 ($at < $bytes)
 *     end
 *     store_f32($out, 1 - (((lane0($sum) + lane1($sum)) + lane2($sum)) + lane3($sum)))
 *     $out += 4; $ids += 4; br 0
 *   end end)
 */
function assemble(): Uint8Array {
  const [query, base, stride, ids, count, out, bytes, end, vector, at, sum] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const get = (local: number) => [0x20, local];
  const set = (local: number) => [0x21, local];
  const simd = (opcode: number, ...immediates: number[]) => [0xfd, ...leb128(opcode), ...immediates];
  const load = simd(0x00, 0, 0); // v128.load align=1 offset=0
  const mul = simd(0xe6); // f32x4.mul
  const add = simd(0xe4); // f32x4.add
  const lane = (index: number) => [...get(sum), ...simd(0x1f, index)]; // f32x4.extract_lane
  const [I32_ADD, I32_MUL, I32_GE_U, I32_LT_U, I32_CONST, I32_LOAD, F32_CONST, F32_SUB, F32_ADD, F32_STORE] = [
    0x6a, 0x6c, 0x4f, 0x49, 0x41, 0x28, 0x43, 0x93, 0x92, 0x38,
  ];
  const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];
  const ONE = [0x00, 0x00, 0x80, 0x3f]; // 1.0f
  const body = [
    ...[2, 3, 0x7f, 1, 0x7b], // locals: 3 × i32 ($end, $vector, $at), 1 × v128 ($sum)
    ...[...get(ids), ...get(count), I32_CONST, 4, I32_MUL, I32_ADD, ...set(end)],
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...[...get(ids), ...get(end), I32_GE_U, BR_IF, 1],
    ...[...get(base), ...get(ids), I32_LOAD, 2, 0, ...get(stride), I32_MUL, I32_ADD, ...set(vector)],
    ...[...simd(0x0c, ...new Array<number>(16).fill(0)), ...set(sum)], // v128.const 0
    ...[I32_CONST, 0, ...set(at)],
    LOOP,
    VOID,
    ...[...get(sum), ...get(query), ...get(at), I32_ADD, ...load, ...get(vector), ...get(at), I32_ADD, ...load, ...mul, ...add, ...set(sum)],
    ...[...get(at), I32_CONST, 16, I32_ADD, ...set(at)],
    ...[...get(at), ...get(bytes), I32_LT_U, BR_IF, 0],
    END,
    ...[...get(out), F32_CONST, ...ONE, ...lane(0), ...lane(1), F32_ADD, ...lane(2), F32_ADD, ...lane(3), F32_ADD, F32_SUB, F32_STORE, 2, 0],
    ...[...get(out), I32_CONST, 4, I32_ADD, ...set(out)],
    ...[...get(ids), I32_CONST, 4, I32_ADD, ...set(ids)],
    BR,
    0,
    END,
    END,
    END,
  ];
  return singleFunctionModule('distances', 7, body);
}
