/**
 * The course map: every notebook of the course, the source sections it covers and the topic (issue family) that
 * owns it — transcribed from the curriculum's MAP.md so the course works without ../shared beside it.
 * `notebookStatus()` marks which notebooks exist in this checkout; index.ipynb renders `courseMapMarkdown()`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assertOneOf, describe } from '../core/validate';

/** One source document of the course. */
export interface CourseSource {
  /** Inventory number: '000' … '004'. */
  id: string;
  /** Folder of its notebooks under notebooks/. */
  folder: string;
  /** How notebooks cite it. */
  title: string;
}

/** One notebook of the course map. */
export interface CourseNotebook {
  /** Path relative to notebooks/. */
  path: string;
  /** Source id ('000' … '004'), or null for course-wide notebooks. */
  source: string | null;
  /** Sections, equations or lines of the source it steps through. */
  covers: string;
  /** Topic code of the issue family that owns it (FOUND, BASICS, GAN-A, …). */
  topic: string;
  /** The cell-by-cell plan in the source's inventory, where there is one. */
  plan: string | null;
}

export const COURSE_SOURCES: readonly CourseSource[] = [
  { id: '000', folder: 'nguyen-tutorial', title: "L. Nguyen, *Tutorial on Deep Generative Model* (2025)" },
  { id: '001', folder: 'dgm-exercises', title: "Worked exercises: autoregressive masks, reparameterisation, VAE, IWAE, flows, GAN dynamics" },
  { id: '002', folder: 'sta4124', title: "W. Park, *Generative Models*, notes of STA4124 (lecturer K. Song), 2025" },
  { id: '003', folder: 'dgm-notes', title: "*Deep Generative Models* lecture notes (graphical models \u2192 RBM \u2192 VAE \u2192 NADE/MADE \u2192 GAN)" },
  { id: '004', folder: 'sayed-ch68', title: "A. H. Sayed, *Inference and Learning from Data*, Vol. III, Ch. 68 *Generative Networks* (2022)" },
];

export const COURSE_NOTEBOOKS: readonly CourseNotebook[] = [
  { path: 'index.ipynb', source: null, covers: "course map, how to run, how exercises are checked, the errata index (generated from the library's errata registry)", topic: 'FOUND', plan: null },
  { path: 'nguyen-tutorial/00-orientation.ipynb', source: '000', covers: "1 intro", topic: 'BASICS', plan: "NB00" },
  { path: 'nguyen-tutorial/01-mle-and-sgd.ipynb', source: '000', covers: "1 (Gaussian likelihood, SGD forms 1.3\u20131.5, last-layer derivative)", topic: 'BASICS', plan: "NB01" },
  { path: 'nguyen-tutorial/02-bernoulli-and-error-moments.ipynb', source: '000', covers: "1 (Bernoulli, data distribution, 1.6)", topic: 'BASICS', plan: "NB02" },
  { path: 'nguyen-tutorial/03-entropy-kl-js.ipynb', source: '000', covers: "Appendix A2", topic: 'BASICS', plan: "NB03" },
  { path: 'nguyen-tutorial/04-backpropagation.ipynb', source: '000', covers: "Appendix A1", topic: 'BASICS', plan: "NB04" },
  { path: 'nguyen-tutorial/05-flows-change-of-variables.ipynb', source: '000', covers: "2 (2.1\u20132.4)", topic: 'FLOW', plan: "NB05" },
  { path: 'nguyen-tutorial/06-flows-elementwise-and-finite.ipynb', source: '000', covers: "2 (2.5\u20132.7)", topic: 'FLOW', plan: "NB06" },
  { path: 'nguyen-tutorial/07-flows-realnvp.ipynb', source: '000', covers: "2 (2.8\u20132.10)", topic: 'FLOW', plan: "NB07" },
  { path: 'nguyen-tutorial/08-pixel-density-rnn-lstm.ipynb', source: '000', covers: "2 (2.11\u20132.14)", topic: 'AR', plan: "NB08" },
  { path: 'nguyen-tutorial/09-vae-encoder-and-kl.ipynb', source: '000', covers: "3 (3.1\u20133.2, 3.5\u20133.6)", topic: 'VAE-A', plan: "NB09" },
  { path: 'nguyen-tutorial/10-vae-elbo-and-training.ipynb', source: '000', covers: "3 (3.3\u20133.4, 3.7\u20133.14)", topic: 'VAE-A', plan: "NB10" },
  { path: 'nguyen-tutorial/11-boltzmann-and-annealing.ipynb', source: '000', covers: "3 (3.15)", topic: 'MC', plan: "NB11" },
  { path: 'nguyen-tutorial/12-boltzmann-machine-and-rbm.ipynb', source: '000', covers: "3 (3.16\u20133.19, RBM)", topic: 'EBM', plan: "NB12" },
  { path: 'nguyen-tutorial/13-gan-minimax-and-sgd.ipynb', source: '000', covers: "4 (4.1\u20134.5)", topic: 'GAN-A', plan: "NB13" },
  { path: 'nguyen-tutorial/14-gan-optimal-discriminator.ipynb', source: '000', covers: "4 (4.6\u20134.8)", topic: 'GAN-A', plan: "NB14" },
  { path: 'nguyen-tutorial/15-errata-workbook.ipynb', source: '000', covers: "all errata of this source, run side by side", topic: 'BASICS', plan: "NB15" },
  { path: 'dgm-exercises/01-pixelcnn-masks.ipynb', source: '001', covers: "Section 1", topic: 'AR', plan: null },
  { path: 'dgm-exercises/02-reparameterization.ipynb', source: '001', covers: "Section 2", topic: 'VAE-A', plan: null },
  { path: 'dgm-exercises/03-amortized-inference.ipynb', source: '001', covers: "Section 3", topic: 'VAE-A', plan: null },
  { path: 'dgm-exercises/04-iwae-bound.ipynb', source: '001', covers: "Section 4", topic: 'IWAE', plan: null },
  { path: 'dgm-exercises/05-flow-invertibility.ipynb', source: '001', covers: "Section 5", topic: 'FLOW', plan: null },
  { path: 'dgm-exercises/06-gan-dynamics.ipynb', source: '001', covers: "Section 6", topic: 'GAN-A', plan: null },
  { path: 'sta4124/00-setup-and-conventions.ipynb', source: '002', covers: "\u2014 (notation, seeded RNG)", topic: 'BASICS', plan: "NB00" },
  { path: 'sta4124/01-graphical-models-factorization.ipynb', source: '002', covers: "1.1\u20131.3, 2.1\u20132.3, 2.6", topic: 'GRAPH', plan: "NB01" },
  { path: 'sta4124/02-d-separation-and-pc.ipynb', source: '002', covers: "2.4\u20132.5, 2.7\u20132.8", topic: 'GRAPH', plan: "NB02" },
  { path: 'sta4124/03-kl-divergence.ipynb', source: '002', covers: "3.2\u20133.3, App. C.2", topic: 'VI', plan: "NB03" },
  { path: 'sta4124/04-elbo-and-fixed-form-vi.ipynb', source: '002', covers: "3.1, 3.4", topic: 'VI', plan: "NB04" },
  { path: 'sta4124/05-mean-field-and-bayesian-gmm.ipynb', source: '002', covers: "3.5, 3.8, App. B, D.1", topic: 'VI', plan: "NB05" },
  { path: 'sta4124/06-em.ipynb', source: '002', covers: "3.6\u20133.7, App. D.2", topic: 'VI', plan: "NB06" },
  { path: 'sta4124/07-monte-carlo-basics.ipynb', source: '002', covers: "4.1\u20134.3", topic: 'MC', plan: "NB07" },
  { path: 'sta4124/08-markov-chains.ipynb', source: '002', covers: "4.4, App. C.1", topic: 'MC', plan: "NB08" },
  { path: 'sta4124/09-metropolis-hastings-and-gibbs.ipynb', source: '002', covers: "4.5\u20134.6 (TBU in source: extension)", topic: 'MC', plan: "NB09" },
  { path: 'sta4124/10-autoencoders-and-vae.ipynb', source: '002', covers: "5, App. E", topic: 'VAE-B', plan: "NB10" },
  { path: 'sta4124/11-advanced-vae.ipynb', source: '002', covers: "6.1\u20136.5", topic: 'VAE-B', plan: "NB11 (parts 1\u20137)" },
  { path: 'sta4124/11b-iwae.ipynb', source: '002', covers: "6.6 (TBU in source: extension)", topic: 'IWAE', plan: "NB11 (part 8)" },
  { path: 'sta4124/12-autoregressive-models.ipynb', source: '002', covers: "7, 8 (advanced AR, TBU in the notes: an extension)", topic: 'AR', plan: "NB12" },
  { path: 'sta4124/13-normalizing-flows.ipynb', source: '002', covers: "9", topic: 'FLOW', plan: "NB13" },
  { path: 'sta4124/14-gans.ipynb', source: '002', covers: "10.1\u201310.3, App. F", topic: 'GAN-A', plan: "NB14 (parts 1\u20134)" },
  { path: 'sta4124/14b-gan-hybrids.ipynb', source: '002', covers: "10.4\u2013 (VAE/GAN, AAE, AVB)", topic: 'GAN-B', plan: "NB14 (parts 5\u20137)" },
  { path: 'sta4124/15-appendix-parameter-counting.ipynb', source: '002', covers: "App. A", topic: 'BASICS', plan: "NB15" },
  { path: 'dgm-notes/00-setup.ipynb', source: '003', covers: "\u2014", topic: 'BASICS', plan: "NB00" },
  { path: 'dgm-notes/01-bayesian-networks.ipynb', source: '003', covers: "L1\u201344", topic: 'GRAPH', plan: "NB01" },
  { path: 'dgm-notes/02-markov-networks.ipynb', source: '003', covers: "L46\u201392", topic: 'GRAPH', plan: "NB02" },
  { path: 'dgm-notes/03-latent-variables-and-rbm.ipynb', source: '003', covers: "L94\u2013171", topic: 'EBM', plan: "NB03" },
  { path: 'dgm-notes/04-rbm-likelihood-gradient.ipynb', source: '003', covers: "L173\u2013217, L333\u2013387", topic: 'EBM', plan: "NB04" },
  { path: 'dgm-notes/05-markov-chains.ipynb', source: '003', covers: "L219\u2013266", topic: 'MC', plan: "NB05" },
  { path: 'dgm-notes/06-gibbs-and-detailed-balance.ipynb', source: '003', covers: "L268\u2013331", topic: 'MC', plan: "NB06" },
  { path: 'dgm-notes/07-rbm-training-cd-k.ipynb', source: '003', covers: "L389\u2013455", topic: 'EBM', plan: "NB07" },
  { path: 'dgm-notes/08-vae-elbo.ipynb', source: '003', covers: "L457\u2013550", topic: 'VAE-A', plan: "NB08" },
  { path: 'dgm-notes/09-vae-training.ipynb', source: '003', covers: "L552\u2013591", topic: 'VAE-A', plan: "NB09" },
  { path: 'dgm-notes/10-nade.ipynb', source: '003', covers: "L593\u2013650", topic: 'AR', plan: "NB10" },
  { path: 'dgm-notes/11-made.ipynb', source: '003', covers: "L652\u2013673", topic: 'AR', plan: "NB11" },
  { path: 'dgm-notes/12-gan-objectives.ipynb', source: '003', covers: "L675\u2013746", topic: 'GAN-A', plan: "NB12" },
  { path: 'dgm-notes/13-dcgan-and-optimality.ipynb', source: '003', covers: "L748\u2013769", topic: 'GAN-A', plan: "NB13" },
  { path: 'sayed-ch68/00-conventions-and-backprop.ipynb', source: '004', covers: "prerequisites", topic: 'VAE-B', plan: "NB68-0" },
  { path: 'sayed-ch68/01-elbo-and-kl.ipynb', source: '004', covers: "68.1 (68.1)\u2013(68.9), (68.20)", topic: 'VI', plan: "NB68-1" },
  { path: 'sayed-ch68/02-reparameterization.ipynb', source: '004', covers: "(68.13)\u2013(68.17)", topic: 'VAE-A', plan: "NB68-2" },
  { path: 'sayed-ch68/03-vae-objective.ipynb', source: '004', covers: "(68.21)\u2013(68.25), (68.37)\u2013(68.39)", topic: 'VAE-A', plan: "NB68-3" },
  { path: 'sayed-ch68/04-vae-sensitivity-factors.ipynb', source: '004', covers: "(68.40)\u2013(68.76)", topic: 'VAE-B', plan: "NB68-4" },
  { path: 'sayed-ch68/05-vae-training.ipynb', source: '004', covers: "listing (68.79), Example 68.1", topic: 'VAE-B', plan: "NB68-5" },
  { path: 'sayed-ch68/06-conditional-vae.ipynb', source: '004', covers: "68.3, Example 68.3", topic: 'VAE-B', plan: "NB68-6" },
  { path: 'sayed-ch68/07-vae-recommender.ipynb', source: '004', covers: "Example 68.2", topic: 'VAE-B', plan: "NB68-7" },
  { path: 'sayed-ch68/08-gan-theory.ipynb', source: '004', covers: "68.4 (68.96)\u2013(68.118)", topic: 'GAN-A', plan: "NB68-8" },
  { path: 'sayed-ch68/09-gan-backprop.ipynb', source: '004', covers: "(68.126)\u2013(68.154)", topic: 'GAN-B', plan: "NB68-9" },
  { path: 'sayed-ch68/10-gan-training.ipynb', source: '004', covers: "listings (68.155), (68.160), (68.161), Example 68.6", topic: 'GAN-B', plan: "NB68-10" },
  { path: 'sayed-ch68/11-conditional-gan.ipynb', source: '004', covers: "68.6, Problem 68.8", topic: 'GAN-B', plan: "NB68-11" },
  { path: 'sayed-ch68/12-wasserstein-gan.ipynb', source: '004', covers: "68.7 (68.176)\u2013(68.180)", topic: 'GAN-B', plan: "NB68-12" },
  { path: 'sayed-ch68/13-problems-lab.ipynb', source: '004', covers: "Problems 68.1, 68.9, 68.10 (68.11 in notebook 12)", topic: 'GAN-B', plan: "NB68-13" },
];

/** The notebooks folder of this checkout (the library lives in dist/course, two levels below the root). */
export function notebooksDir(): string {
  return path.resolve(__dirname, '..', '..', 'notebooks');
}

/** The course map with, for each notebook, whether it exists in `dir` (default: this checkout's notebooks/). */
export function notebookStatus(dir = notebooksDir()): (CourseNotebook & { written: boolean })[] {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`notebookStatus: dir must be a folder path (got ${describe(dir)})`);
  return COURSE_NOTEBOOKS.map((nb) => ({ ...nb, written: fs.existsSync(path.join(dir, nb.path)) }));
}

/** Notebooks of one topic (e.g. 'GAN-A'). */
export function notebooksOfTopic(topic: string): CourseNotebook[] {
  const topics = [...new Set(COURSE_NOTEBOOKS.map((n) => n.topic))];
  assertOneOf('notebooksOfTopic', 'topic', topic, topics);
  return COURSE_NOTEBOOKS.filter((n) => n.topic === topic);
}

/**
 * The course map as markdown: one table per source, each notebook linked (relative to notebooks/, so links work
 * from index.ipynb) when it exists and marked "not written yet" when it does not.
 */
export function courseMapMarkdown(dir = notebooksDir()): string {
  const status = notebookStatus(dir);
  const parts: string[] = [];
  const written = status.filter((s) => s.written).length;
  parts.push(`**${written} of ${status.length} notebooks written.**\n`);
  const groups: { title: string; items: typeof status }[] = [
    { title: 'Course-wide', items: status.filter((s) => s.source === null) },
    ...COURSE_SOURCES.map((s) => ({ title: `${s.title} — \`${s.folder}/\``, items: status.filter((n) => n.source === s.id) })),
  ];
  for (const g of groups) {
    parts.push(`#### ${g.title}\n`);
    parts.push('| notebook | covers | topic | status |');
    parts.push('|---|---|---|---|');
    for (const n of g.items) {
      const name = n.path.split('/').pop()!.replace(/\.ipynb$/, '');
      const link = n.written ? `[${name}](${n.path})` : name;
      parts.push(`| ${link} | ${n.covers.replace(/\|/g, '\\|')} | ${n.topic} | ${n.written ? 'ready' : '*not written yet*'} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
