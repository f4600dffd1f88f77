// The one module that owns SQL. Every value is bound; every identifier comes from these files.
export type * from '../model'
export {
  findEvents,
  getEvent,
  LINKED_KINDS,
  listPublishedEvents,
  type EventFilters,
  type EventItem,
  type EventPage,
  type EventSort,
  type EventsFound,
  type LinkedKind,
} from './events'
export {
  listActors,
  listCategories,
  listChapters,
  listFigures,
  listOutlets,
  listPlaces,
  type FigureFilters,
} from './resources'
export { getDataVersion, getFreshness, getStory, getStoryMeta, ping, type Freshness } from './story'
