// @peculiar/x509 needs the reflect-metadata polyfill loaded before it: every module here imports
// the library through this file, so the order never depends on which module happens to load first.
import 'reflect-metadata';

export * from '@peculiar/x509';
