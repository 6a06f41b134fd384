import type { IdMatcher } from '../ids.js';
import type { Found, Place } from '../types.js';

/** One kind of file: knows its structure and reports every model id in it. Pure: text in, ids out. */
export interface Finder {
  find(file: string, text: string, ids: IdMatcher): { place: Place; found: Found[] };
}

/** Keys and names under which a value is a model: `model`, `model_name`, `modelId`, `OPENAI_MODEL`, `deployment`, `llm`, `engine`. */
export function modelKey(key: string): boolean {
  return /model(?:_?(?:name|id))?s?$|^model|deployment(?:_?name)?$|^llm$|^engine$|_llm$|^LLM_/i.test(key) && !/^model_?(?:list|parameters|params|config)$/i.test(key);
}
