// Stand-in for Node's `path` in browser bundles. pyright's parser imports it (through
// its file-name utilities) but never calls it while parsing; a call would be a bug, so
// every function throws instead of guessing.
function unavailable() {
  throw new Error("Node's path module is not available in this bundle");
}
module.exports = {
  sep: '/',
  delimiter: ':',
  basename: unavailable,
  dirname: unavailable,
  extname: unavailable,
  isAbsolute: unavailable,
  join: unavailable,
  normalize: unavailable,
  relative: unavailable,
  resolve: unavailable,
  parse: unavailable,
  format: unavailable,
};
module.exports.posix = module.exports;
