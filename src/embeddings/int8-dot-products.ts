/**
 * Integer dot products of one int8 vector with many (rows of a packed matrix), for a first pass over a
 * vocabulary's quantised word vectors. WebAssembly's 128-bit SIMD multiplies 16 bytes per step, ~20× the
 * scalar loop; the products are exact integers either way, so the result never depends on which one ran.
 * The module is 228 bytes, assembled below rather than shipped as a binary so that it can be read.
 */

import { leb128, singleFunctionModule, webAssembly, type CompiledModule, type WebAssemblyApi } from './wasm-module.js';

/** Row length in bytes is rounded up to this (one SIMD register); the padding holds zeros. */
export const ROW_ALIGNMENT = 16;

export interface Int8DotProducts {
  /** Whether the WebAssembly SIMD module computes them (else a plain loop). */
  readonly simd: boolean;
  /** Bytes per row: the dimensions rounded up to ROW_ALIGNMENT. */
  readonly stride: number;
  /** Where the caller writes row `row`'s values (zero padding after `dimensions`). */
  rowView(row: number): Int8Array;
  /** `out[row]` = Σ query[d] × row[d] for every row (query: `dimensions` values). */
  dotAll(query: Int8Array): Int32Array;
}

export function int8DotProducts(rows: number, dimensions: number, options: { readonly scalar?: boolean } = {}): Int8DotProducts {
  const stride = Math.ceil(dimensions / ROW_ALIGNMENT) * ROW_ALIGNMENT;
  const matrixBytes = rows * stride;
  const module = options.scalar === true ? undefined : simdModule();
  if (module === undefined) return scalarDotProducts(rows, dimensions, stride);
  // Layout: the query (one row), the matrix, then one int32 per row.
  const queryOffset = 0;
  const matrixOffset = stride;
  const outOffset = matrixOffset + matrixBytes;
  const bytes = outOffset + rows * 4;
  const memory = new (webAssembly as WebAssemblyApi).Memory({ initial: Math.max(1, Math.ceil(bytes / 65_536)) });
  const instance = new (webAssembly as WebAssemblyApi).Instance(module, { env: { memory } });
  const dots = instance.exports['dots'] as (query: number, matrix: number, rows: number, stride: number, out: number) => void;
  const query = new Int8Array(memory.buffer, queryOffset, stride);
  const out = new Int32Array(memory.buffer, outOffset, rows);
  return {
    simd: true,
    stride,
    rowView: (row) => new Int8Array(memory.buffer, matrixOffset + row * stride, dimensions),
    dotAll(values) {
      query.set(values.subarray(0, dimensions));
      dots(queryOffset, matrixOffset, rows, stride, outOffset);
      return out;
    },
  };
}

/** The same products in plain JavaScript, where WebAssembly SIMD is missing (and for tests). */
function scalarDotProducts(rows: number, dimensions: number, stride: number): Int8DotProducts {
  const matrix = new Int8Array(rows * stride);
  const out = new Int32Array(rows);
  return {
    simd: false,
    stride,
    rowView: (row) => matrix.subarray(row * stride, row * stride + dimensions),
    dotAll(query) {
      for (let row = 0, offset = 0; row < rows; row += 1, offset += stride) {
        let sum = 0;
        for (let dimension = 0; dimension < dimensions; dimension += 1) sum += (query[dimension] as number) * (matrix[offset + dimension] as number);
        out[row] = sum;
      }
      return out;
    },
  };
}

let compiled: CompiledModule | null | undefined;

/** The compiled module, or undefined when this runtime has no WebAssembly SIMD. */
function simdModule(): CompiledModule | undefined {
  if (compiled === undefined) {
    const bytes = assemble();
    compiled = webAssembly?.validate(bytes) === true ? new webAssembly.Module(bytes) : null;
  }
  return compiled ?? undefined;
}

/*
 * (func (export "dots") (param $query i32) (param $row i32) (param $rows i32) (param $stride i32) (param $out i32)
 *   (local $end i32) (local $at i32) (local $sum v128) (local $a v128) (local $b v128)
 *   $end = $out + $rows * 4
 *   block  loop                                      ;; every row
 *     br_if 1 ($out >= $end)
 *     $sum = 0; $at = 0
 *     loop                                           ;; 16 bytes at a time
 *       $a = load($query + $at); $b = load($row + $at)
 *       $sum += dot_i16x8_s(extend_low($a), extend_low($b)) + dot_i16x8_s(extend_high($a), extend_high($b))
 *       $at += 16; br_if 0 ($at < $stride)
 *     end
 *     store($out, lane0($sum) + lane1($sum) + lane2($sum) + lane3($sum))
 *     $out += 4; $row += $stride; br 0
 *   end end)
 * Sums of 16 products of int8 stay far inside int32 for any realistic dimension count (< 2^31 / 2^14 = 131k).
 */
function assemble(): Uint8Array {
  const [query, row, rows, stride, out, end, at, sum, a, b] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const get = (local: number) => [0x20, local];
  const set = (local: number) => [0x21, local];
  const simd = (opcode: number, ...immediates: number[]) => [0xfd, ...leb128(opcode), ...immediates];
  const load = simd(0x00, 0, 0); // v128.load align=1 offset=0
  const extendLow = simd(0x87); // i16x8.extend_low_i8x16_s
  const extendHigh = simd(0x88); // i16x8.extend_high_i8x16_s
  const dot = simd(0xba); // i32x4.dot_i16x8_s
  const add = simd(0xae); // i32x4.add
  const lane = (index: number) => [...get(sum), ...simd(0x1b, index)]; // i32x4.extract_lane
  const [I32_ADD, I32_MUL, I32_GE_U, I32_LT_U, I32_CONST, I32_STORE] = [0x6a, 0x6c, 0x4f, 0x49, 0x41, 0x36];
  const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];
  const body = [
    ...[2, 2, 0x7f, 3, 0x7b], // locals: 2 × i32 ($end, $at), 3 × v128 ($sum, $a, $b)
    ...get(out),
    ...get(rows),
    I32_CONST,
    4,
    I32_MUL,
    I32_ADD,
    ...set(end),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(out),
    ...get(end),
    I32_GE_U,
    BR_IF,
    1,
    ...simd(0x0c, ...new Array<number>(16).fill(0)),
    ...set(sum), // v128.const 0
    I32_CONST,
    0,
    ...set(at),
    LOOP,
    VOID,
    ...get(query),
    ...get(at),
    I32_ADD,
    ...load,
    ...set(a),
    ...get(row),
    ...get(at),
    I32_ADD,
    ...load,
    ...set(b),
    ...get(sum),
    ...get(a),
    ...extendLow,
    ...get(b),
    ...extendLow,
    ...dot,
    ...add,
    ...get(a),
    ...extendHigh,
    ...get(b),
    ...extendHigh,
    ...dot,
    ...add,
    ...set(sum),
    ...get(at),
    I32_CONST,
    16,
    I32_ADD,
    ...set(at),
    ...get(at),
    ...get(stride),
    I32_LT_U,
    BR_IF,
    0,
    END,
    ...get(out),
    ...lane(0),
    ...lane(1),
    I32_ADD,
    ...lane(2),
    I32_ADD,
    ...lane(3),
    I32_ADD,
    I32_STORE,
    2,
    0,
    ...get(out),
    I32_CONST,
    4,
    I32_ADD,
    ...set(out),
    ...get(row),
    ...get(stride),
    I32_ADD,
    ...set(row),
    BR,
    0,
    END,
    END,
    END,
  ];
  return singleFunctionModule('dots', 5, body);
}
