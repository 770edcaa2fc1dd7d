/**
 * Figure helpers: each builds a plain plotly `Figure` (so tests can read the spec) and `show(figure)` draws it.
 *
 *   show(linePlot([{ x, y: loss, name: 'loss' }], { logY: true, title: 'Training loss' }));
 *
 * Bad input gets a clear error naming the argument (mismatched lengths, NaN/±Infinity, empty data, images of the
 * wrong size, unknown graph nodes). One documented exception: **curves** (`linePlot`, and `livePlot`) draw
 * non-finite y values — and non-positive ones on a log y axis — as **gaps**, because a diverging loss is something a
 * lecturer wants to see, not an exception mid-training. Such a figure carries a warning that is shown visibly: as an
 * annotation inside the plot and as a line above it (never on stderr, which would fail the cell in the notebook
 * runner). `nonFinite: 'error'` turns the gap into an error.
 */
export { CommonOptions } from './common';
export * from './line';
export * from './histogram';
export * from './scatter';
export * from './heatmap';
export * from './vectorField';
export * from './imageGrid';
export * from './bars';
export * from './digraph';
export * from './animation';
