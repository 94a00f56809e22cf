/**
 * The functions every Spring contender runs, as the sample app defines them.
 */
package dev.lambdaruntime.benchmarks.functions;
