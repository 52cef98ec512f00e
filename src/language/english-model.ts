/**
 * wink-nlp's English light model (wink-eng-lite-web-model), assembled from the package's own parts with a
 * faster reading of its core: the package reads its 3 MB JSON, then copies it whole through
 * JSON.stringify/JSON.parse and decodes the base64 lexicon one character at a time (~70 ms of CPU of the
 * ~210 ms a first tag costs). Here the JSON is parsed once into a fresh object (nothing else holds it, so
 * there is nothing to copy) and the lexicon is decoded by Buffer. The result is the same structure
 * (tests/language/english-model.test.ts compares it with the package's own).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model';

/** The part of the core model's JSON this loader works on. */
interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: string[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
  pos: { hash: Record<string, number> };
}

/** The model object winkNLP() takes: the package's `dist/model.js`, with `core` read faster. */
export function englishModel(): unknown {
  const part = (name: string): unknown => require(`${PACKAGE}/dist/${name}.js`);
  return {
    core: loadCoreModel,
    sbd: part('load-sbd-model'),
    pos: part('load-pos-model'),
    ner: part('load-ner-model'),
    negation: part('load-negation-model'),
    sa: part('load-sa-model'),
    metaCER: part('load-cer-meta-model'),
    featureFn: part('feature'),
    addons: Object.assign(Object.create(null) as object, {
      stem: part('porter-stemmer'),
      lemmatize: part('lemmatize'),
      readabilityStats: part('readability-stats'),
      wordVectors: undefined,
    }),
  };
}

/** What the package's read-core-model.js and load-core-model.js build, step for step. */
export function loadCoreModel(): CoreModel {
  const file = require.resolve(`${PACKAGE}/dist/languages/cur/models/eng-core-web-model.json`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  for (const name in packing.layout) {
    const feature = features[name];
    if (packing.layout[name]?.[3] === 0 && feature !== undefined) feature.hash = indexOf(feature.list);
  }
  const lexeme = features.lexeme as CoreModel['features'][string];
  lexeme.hash = indexOf(lexeme.list);
  // Each cluster "NOUN_VERB" becomes the set of its tags' numbers (0 for an unknown tag, as the package does).
  const clusters = (features.posClusters as CoreModel['features'][string]).list as unknown[];
  for (let index = 0; index < clusters.length; index += 1) clusters[index] = new Set((clusters[index] as string).split('_').map((tag) => pos.hash[tag] || 0));
  packing.efList = [];
  for (const name in packing.layout) {
    const layout = packing.layout[name] as number[];
    const feature = features[name] as CoreModel['features'][string];
    if (layout[3] === 0) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = (layout[1] as number) >>> (layout[2] as number);
    }
    if (layout[4] === 1) packing.efList.push(name);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

function indexOf(list: readonly string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let index = 0; index < list.length; index += 1) hash[list[index] as string] = index;
  return hash;
}

/** The base64 text as 32-bit words, in a buffer of its own (Buffer.from may return a slice of a larger one). */
function uint32FromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const words = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  return words;
}
