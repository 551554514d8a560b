/** esbuild's text loader: a .css import is the stylesheet's text (see scripts/build.mjs). */
declare module '*.css' {
  const text: string;
  export default text;
}
