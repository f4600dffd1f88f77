// The tables editors write to: a re-export of the table registry (worker/data/tables.ts), where
// each table's columns, keys, references and create/patch schemas live.
export {
  EDITABLE_TABLES,
  EVENT_LINKS,
  STORY_COLUMNS,
  StoryPatch,
  TABLES,
  isEditableTable,
  type EditableTable,
  type TableSpec,
} from '../data/tables'
