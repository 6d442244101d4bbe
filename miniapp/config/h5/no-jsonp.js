// Stands in for jsonp-retry, which Taro's request imports for its `jsonp` option; the app never asks for JSONP.
export default function jsonpUnsupported() {
  return Promise.reject(new Error('JSONP is not supported'))
}
