/** Sizes shared by the layout and the renderer, in CSS pixels at zoom 1. */
export const GEOMETRY = {
  headerHeight: 28,
  valueHeight: 20,
  rowHeight: 20,
  bottomPad: 4,
  padX: 10,
  minWidth: 112,
  maxWidth: 280,
  /** Text wider than this is cut with an ellipsis (full text in the tooltip). */
  maxValueWidth: 240,
  frameTitleHeight: 28,
  frameGap: 14,
  frameMinWidth: 120,
  badgeHeight: 18,
  chipGap: 6,
  /** Containers with more slots than this are collapsed to their first `collapsedRows`. */
  collapseOver: 20,
  collapsedRows: 10,
  garbagePad: 18,
  garbageTitleHeight: 30,
} as const;

/** Fonts used for measuring; the real families come from the theme at run time. */
export const FONT = {
  uiSize: 12,
  monoSize: 12,
} as const;
