// The map data module that vite-plugin-map-data.ts generates at build time.
declare module 'virtual:cambodia-map' {
  const shapes: import('./shapes').MapShapes
  export default shapes
}
