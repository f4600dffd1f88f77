// The names the server-rendered story page (App.svelte) and the browser's controller
// (story/controller.ts) share: the ids and classes of the parts the controller finds and changes.
// One list, so the markup and the code that works on it cannot drift apart.

/** The live region that says the headline of a step the reader moved to. */
export const ANNOUNCER_ID = 'announcement'

/** The "Hide graphic" button (shown only while the graphic is open over the page). */
export const GRAPHIC_CLOSE_ID = 'graphic-close'

/** A step's "Show graphic" button (see Step.svelte). */
export const SHOW_GRAPHIC_CLASS = 'step__show-graphic'

/** What a step carries while it is the active one (see Step.svelte): a class and data-active. */
export const ACTIVE_CLASS = 'is-active'

/** Classes on <main>: script runs, the graphic is open over the page, the reader asks for less motion. */
export const LIVE_CLASS = 'is-live'
export const GRAPHIC_OPEN_CLASS = 'graphic-open'
export const REDUCE_MOTION_CLASS = 'reduce-motion'

/**
 * Class on <main> once the live graphic is drawn and has measured itself (its code is loaded
 * after the page's first script). On an upright phone the graphic's box is shown only then, so
 * its first frame has its final height.
 */
export const GRAPHIC_READY_CLASS = 'has-graphic'

/** Class on <main> when the graphic's code could not be loaded or drawn: its box is not shown. */
export const GRAPHIC_FAILED_CLASS = 'graphic-failed'
