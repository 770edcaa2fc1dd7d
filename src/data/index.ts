/**
 * data: course-wide data sets shared by several topics — Fashion-MNIST from the Debian package (the stand-in for MNIST in
 * every source). Topic-specific toys (two moons, blobs, rings) stay in their topic.
 */
export * from './fashionMnist';
