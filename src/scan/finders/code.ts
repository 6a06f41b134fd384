import { commentedOut, idsInProse, type IdMatcher } from '../ids.js';
import type { Found, Place } from '../types.js';
import type { Finder } from './finder.js';
import { modelKey } from './finder.js';
import { lex, type Span, type Syntax } from './lexer.js';

const C_LIKE: Syntax = { lineComment: ['//'], blockComment: ['/*', '*/'], quotes: '"\'' };

export const SYNTAX: Record<'python' | 'typescript' | 'javascript' | 'go' | 'java' | 'kotlin' | 'ruby' | 'csharp', Syntax> = {
  python: { lineComment: ['#'], quotes: '"\'', triple: true },
  typescript: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
  javascript: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
  go: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
  java: { ...C_LIKE, triple: true },
  kotlin: { ...C_LIKE, triple: true },
  ruby: { lineComment: ['#'], quotes: '"\'' },
  csharp: { ...C_LIKE, triple: true },
};

/**
 * Functions and constructors whose first argument is a model: LangChain's `ChatOpenAI`,
 * the Vercel AI SDK's `openai('gpt-4o')`, OpenAI .NET's `GetChatClient`, CrewAI's `LLM`, ….
 */
const MODEL_CALLS = new Set([
  'ChatOpenAI', 'ChatAnthropic', 'AzureChatOpenAI', 'ChatLiteLLM', 'init_chat_model', 'openai', 'anthropic', 'azure', 'bedrock',
  'OpenAIModel', 'AnthropicModel', 'OpenAIChatModel', 'OpenAIResponsesModel', 'LiteLLMModel', 'LLM', 'ChatClient', 'GetChatClient',
  'model', 'modelName', 'modelId', 'withModel', 'setModel', 'withModelName', 'deployment', 'deploymentName', 'languageModel', 'chatModel',
]);

/** Request parameters a destination model may refuse, as SDKs spell them. */
const PARAMS: Readonly<Record<string, string>> = {
  temperature: 'temperature', top_p: 'top_p', topP: 'top_p', max_tokens: 'max_tokens', maxTokens: 'max_tokens', MaxTokens: 'max_tokens',
  frequency_penalty: 'frequency_penalty', frequencyPenalty: 'frequency_penalty', presence_penalty: 'presence_penalty', presencePenalty: 'presence_penalty',
  logprobs: 'logprobs', top_logprobs: 'top_logprobs', logit_bias: 'logit_bias', reasoning_effort: 'reasoning_effort', Temperature: 'temperature', TopP: 'top_p',
};
const PARAM_USE = new RegExp(`(?:\\b|\\.)(${Object.keys(PARAMS).join('|')})\\b\\s*(?:[=:(]|=>)`, 'g');

/** Call sites in code: a literal passed as a model (keyword argument, object key, builder call, known constructor); ids in comments as docs. */
export function codeFinder(place: Place & keyof typeof SYNTAX): Finder {
  return {
    find(_file, text, ids) {
      const found: Found[] = [];
      const spans = lex(text, SYNTAX[place]);
      for (const span of spans) {
        if (span.type === 'comment') found.push(...commentIds(text, span, ids));
        else if (span.long) found.push(...idsInProse(text, span.start, span.end, ids).map(({ start, id }) => prose(start, id)));
        else {
          const literal = literalId(text, span, ids);
          if (literal) found.push(literal);
        }
      }
      return { place, found };
    },
  };
}

function prose(start: number, id: Found['id']): Found {
  return { start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } };
}

/** Prose in a comment counts; a quoted id in a comment is commented-out code, which calls nothing. */
function commentIds(text: string, span: Span, ids: IdMatcher): Found[] {
  return idsInProse(text, span.start, span.end, ids)
    .filter(({ start, id }) => !commentedOut(text.slice(span.start, start - id.offset)))
    .map(({ start, id }) => prose(start, id));
}

function literalId(text: string, span: Span, ids: IdMatcher): Found | undefined {
  const content = text.slice(span.start, span.end);
  if (!/[a-z]-|o\d/.test(content) && !ids.additions.length) return undefined;
  const context = callContext(text, span.open);
  const id = ids.parse(content, context !== undefined);
  if (!id) return undefined;
  const start = span.start + id.offset;
  const rewrite: Found['rewrite'] = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
  return { start, end: start + id.model.length, id, kind: 'call-site', rewrite, params: context ? callParams(text, span.open, context) : undefined };
}

/** `key`: `model=`/`model:`; `call`: a constructor's first argument; `builder`: a chained setter (`.modelName(…)`). */
type Context = 'key' | 'call' | 'builder';

const BUILDERS = /^(?:model|modelName|modelId|withModel|setModel|withModelName|deployment|deploymentName)$/;

/** Whether the code before a literal passes it as a model: `model=`, `"model":`, `Model:`, `.modelName(`, `ChatOpenAI(`. */
function callContext(text: string, open: number): Context | undefined {
  let from = text.lastIndexOf('\n', open - 1) + 1;
  // An argument on a line of its own belongs to the call opened on the line above.
  if (text.slice(from, open).trim() === '' && from > 0) from = text.lastIndexOf('\n', from - 2) + 1;
  const before = text.slice(Math.max(from, open - 160), open).trimEnd();
  // `MODEL = os.getenv("X") or "gpt-4o"`, `env.MODEL ?? 'gpt-4o'`: the fallback is still the key's value.
  const key = /["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*(?:=|:|=>|:=)(?:[^;=\n]*(?:\|\||\?\?|\bor\b))?$/.exec(before);
  if (key && modelKey(key[1]!)) return 'key';
  const call = /([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*$/.exec(before);
  if (call && MODEL_CALLS.has(call[1]!)) return BUILDERS.test(call[1]!) && before[call.index - 1] === '.' ? 'builder' : 'call';
  return undefined;
}

/**
 * Parameters passed in the same call (or, for a builder, the same statement), so a
 * migration can name the call sites whose parameters the destination refuses.
 */
function callParams(text: string, open: number, context: Context): string[] {
  const [from, to] = context === 'builder' ? statement(text, open) : enclosing(text, open);
  const names = new Set<string>();
  const region = text.slice(from, to);
  PARAM_USE.lastIndex = 0;
  for (let m = PARAM_USE.exec(region); m; m = PARAM_USE.exec(region)) names.add(PARAMS[m[1]!]!);
  return [...names].sort();
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

/** The bracketed argument list or object around `at` (bounded, so a stray bracket costs little). */
function enclosing(text: string, at: number): [number, number] {
  let depth = 0;
  let from = at;
  for (let i = at - 1; i >= Math.max(0, at - 4000); i--) {
    const c = text[i]!;
    if (c === ')' || c === '}' || c === ']') depth++;
    else if (c in OPENERS) {
      if (depth === 0) { from = i; break; }
      depth--;
    }
  }
  if (from === at) return statement(text, at);
  const close = OPENERS[text[from]!]!;
  depth = 0;
  for (let i = from + 1; i < Math.min(text.length, from + 8000); i++) {
    const c = text[i]!;
    if (c === text[from]) depth++;
    else if (c === close) {
      if (depth === 0) return [from, i];
      depth--;
    }
  }
  return [from, Math.min(text.length, from + 8000)];
}

/** From the start of the statement to its end: a builder chain's `.temperature(…)` is in the same statement as its `.model(…)`. */
function statement(text: string, at: number): [number, number] {
  const back = text.slice(Math.max(0, at - 2000), at);
  const start = Math.max(back.lastIndexOf(';'), back.lastIndexOf('\n\n'), back.lastIndexOf('{')) + 1 + Math.max(0, at - 2000);
  const ahead = text.slice(at, at + 2000);
  const stops = [ahead.indexOf(';'), ahead.indexOf('\n\n')].filter((i) => i >= 0);
  return [start, at + (stops.length ? Math.min(...stops) : ahead.length)];
}
