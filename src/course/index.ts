/** course: the map of the course (notebooks, sources, topics) and what exists in this checkout. */
export * from './map';
