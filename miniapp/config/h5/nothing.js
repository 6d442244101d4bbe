// Stands in for polyfills of what every browser in the `h5` list of package.json has built in (config/index.ts).
export {}
