// Types for what the unit tests import from the Svelte build: components (typed loosely here;
// svelte-check types them exactly under web/) and the map data module.
/// <reference types="svelte" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a global declaration file, not a module
/// <reference path="../../web/src/charts/scenes/map/virtual-map.d.ts" />
