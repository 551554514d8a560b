/**
 * pyright's enums as plain constants of our own module. The parser ships as CommonJS, and
 * the bundler reaches a CommonJS export through an interop getter on every use: the
 * lowering's `TokenType.X` comparisons spent about 2 % of an edit's time in those getters.
 * Read once here, they are ordinary property reads. (The declarations are `const enum`s,
 * which TypeScript will not let us hold as values; the mapped type keeps each member's type.)
 */
import * as parseNodes from '@zzzen/pyright-internal/dist/parser/parseNodes';
import * as tokenizerTypes from '@zzzen/pyright-internal/dist/parser/tokenizerTypes';

type Members<E> = { readonly [K in keyof E]: E[K] };

const nodes = parseNodes as unknown as {
  ParseNodeType: Members<typeof parseNodes.ParseNodeType>;
  ArgCategory: Members<typeof parseNodes.ArgCategory>;
  ParamCategory: Members<typeof parseNodes.ParamCategory>;
  TypeParamKind: Members<typeof parseNodes.TypeParamKind>;
};
const tokens = tokenizerTypes as unknown as {
  TokenType: Members<typeof tokenizerTypes.TokenType>;
  OperatorType: Members<typeof tokenizerTypes.OperatorType>;
  KeywordType: Members<typeof tokenizerTypes.KeywordType>;
  StringTokenFlags: Members<typeof tokenizerTypes.StringTokenFlags>;
};

export const ParseNodeType = nodes.ParseNodeType;
export type ParseNodeType = parseNodes.ParseNodeType;
export const ArgCategory = nodes.ArgCategory;
export type ArgCategory = parseNodes.ArgCategory;
export const ParamCategory = nodes.ParamCategory;
export type ParamCategory = parseNodes.ParamCategory;
export const TypeParamKind = nodes.TypeParamKind;
export type TypeParamKind = parseNodes.TypeParamKind;
export const TokenType = tokens.TokenType;
export type TokenType = tokenizerTypes.TokenType;
export const OperatorType = tokens.OperatorType;
export type OperatorType = tokenizerTypes.OperatorType;
export const KeywordType = tokens.KeywordType;
export type KeywordType = tokenizerTypes.KeywordType;
export const StringTokenFlags = tokens.StringTokenFlags;
export type StringTokenFlags = tokenizerTypes.StringTokenFlags;
