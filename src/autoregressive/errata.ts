/**
 * Errata of the AR sections: source 001 Section 1 (001-E11, 001-E12: new, the inventory lists none for Section 1), source 000
 * §2 (E26–E31, pixel density / RNN / LSTM / 2-D LSTM), source 002 §7 (E36–E39), source 003 L593–673 (E71–E81), each with a
 * numerical demonstration computed by this library.
 */
import { registerErratum } from '../errata';
import { maskedConvKernelMask, receptiveFieldLayers, receptiveField, STEPS_INTERMEDIATE_SET } from './masks';

const MASKS = 'dgm-exercises/01-pixelcnn-masks.ipynb';

// ------------------------------------------------------------------------------------------------------------- 001 Section 1
registerErratum({
  id: '001-E11',
  source: '001',
  location: 'Section 1, L5 (mask definitions) and Figures 2–3 (L25–41)',
  sourceForm: String.raw`M^A = \;?\qquad M^B = \;?`,
  exactForm: String.raw`M^A = \begin{pmatrix}1&1&1\\1&0&0\\0&0&0\end{pmatrix},\quad M^B = \begin{pmatrix}1&1&1\\1&1&0\\0&0&0\end{pmatrix}`,
  summary:
    'the definitions of M^A and M^B (and the coloured fields of Figures 2–3) are missing after "We define mask of type A and mask of type B as"; the standard PixelCNN masks (van den Oord et al. 2016) are the reconstruction used here',
  kind: 'gap',
  severity: 'major',
  notebook: MASKS,
  demonstrate: () => ({ source: 'no mask given', exact: { A: maskedConvKernelMask('A', 3), B: maskedConvKernelMask('B', 3) }, fieldAB: receptiveField(['A', 'B'], 34, 5) }),
});

registerErratum({
  id: '001-E12',
  source: '001',
  location: 'Section 1, Steps for case 2, L44',
  sourceForm: String.raw`\text{pixel 34 reads } \{33, 34, 43, 44, 45\} \text{ through } M^B`,
  exactForm: String.raw`\text{raster } M^B:\ \{23, 24, 25, 33, 34\};\ \text{the source's set is that of } M^B \text{ flipped vertically}`,
  summary:
    'the intermediate set of Steps 1 is what the standard mask B gives only when flipped vertically (generation from the bottom row up); with the standard raster mask, pixel 34 reads the row above, not the row below',
  kind: 'remark',
  notebook: MASKS,
  demonstrate: () => ({
    source: STEPS_INTERMEDIATE_SET,
    exact: receptiveFieldLayers(['A', 'B'], 34, 5, 'raster')[1],
    flipped: receptiveFieldLayers(['A', 'B'], 34, 5, 'flipped')[1],
  }),
});

/** Errata cells: the shared errata table (src/errata), re-exported so notebooks can call `autoregressive.showErrata([...])`. */
export { showErrata } from '../errata/registry';
