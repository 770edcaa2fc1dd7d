/**
 * Exercises of the AR notebooks (ids `ar.*`). Every reference is computed with this library (constants only where a source
 * states them). `npx dgmlab answer ar.masks.field` prints the reference.
 */
import { registerExercise, compare } from '../exercises';
import { FOUR_CASES, ORIENTATIONS, blindSpot, maskedConvKernelMask, receptiveField, stepsIntermediateSet } from './masks';

const MASKS = 'dgm-exercises/01-pixelcnn-masks.ipynb';

// ------------------------------------------------------------------------------------------- dgm-exercises/01 (001 Section 1)
registerExercise({
  id: 'ar.masks.field',
  title: 'The receptive field of output pixel 34 for one of the four mask cases',
  source: '001 Section 1, cases 1–4 (L16–19) and Steps 1',
  params: {
    case: { default: 2, min: 1, max: 4, integer: true, description: 'case 1 (A,A), 2 (A,B), 3 (B,A), 4 (B,B)' },
    orientation: { default: 'raster', options: [...ORIENTATIONS], description: "'raster' (standard masks) or 'flipped'" },
  },
  reference: (p) => receptiveField(FOUR_CASES[(p.case as number) - 1], 34, 5, p.orientation as 'raster' | 'flipped'),
  compare: compare.set(),
  hints: [
    'Work backwards: first list the first-layer pixels that 34 reads through the second mask, then the image pixels each of those reads through the first mask.',
    'Drop pixels outside the 5×5 map (zero padding contributes nothing).',
  ],
  notebook: MASKS,
});

registerExercise({
  id: 'ar.masks.self-cases',
  title: 'For which of the four cases is pixel 34 in its own receptive field?',
  source: '001 Section 1, cases 1–4 (L16–19)',
  params: { orientation: { default: 'raster', options: [...ORIENTATIONS], description: "'raster' or 'flipped'" } },
  reference: (p) => FOUR_CASES.map((c, i) => (receptiveField(c, 34, 5, p.orientation as 'raster' | 'flipped').includes(34) ? i + 1 : 0)).filter((i) => i > 0),
  compare: compare.set(),
  hints: ['A pixel can only see itself through a path that uses the centre of the kernel in every layer.'],
  notebook: MASKS,
});

registerExercise({
  id: 'ar.masks.steps-orientation',
  title: "Which orientation of the masks reproduces the source's intermediate set {33, 34, 43, 44, 45}?",
  source: '001 Section 1, Steps for case 2 (L44)',
  reference: () => stepsIntermediateSet().find((s) => s.matchesSource)!.orientation,
  compare: compare.choice([...ORIENTATIONS]),
  hints: ['Centre mask B on pixel 34 and list the kernel entries equal to 1 as pixels of the map.'],
  notebook: MASKS,
});

registerExercise({
  id: 'ar.masks.mask-b5',
  title: 'The 5×5 raster mask of type B',
  source: '001 Section 1 (L5; masks reconstructed from van den Oord et al. 2016) — general odd kernel size',
  params: { k: { default: 5, options: [1, 3, 5, 7, 9], description: 'odd kernel size' } },
  reference: (p) => maskedConvKernelMask('B', p.k as number),
  compare: compare.matrix({ abs: 0 }),
  hints: ['Rows above the centre are all 1; the centre row is 1 up to and including the centre; rows below are 0.'],
  notebook: MASKS,
});

registerExercise({
  id: 'ar.masks.blind-spot',
  title: 'The blind spot of pixel 44 in a 7×7 image under one mask-A layer followed by five mask-B layers',
  source: '001 Section 1 (extension: van den Oord et al., Conditional Image Generation with PixelCNN Decoders, 2016, §2.2)',
  reference: () => blindSpot(['A', 'B', 'B', 'B', 'B', 'B'], 44, 7),
  compare: compare.set(),
  hints: ['Each layer moves at most one row up and one column right at the same time: (−1, +1) is allowed, (0, +1) is not.', 'Which earlier pixels lie to the right of the 45° line through the pixel above-right?'],
  notebook: MASKS,
});
