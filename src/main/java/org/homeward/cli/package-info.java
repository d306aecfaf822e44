/** The command line (picocli): the only package that knows about it. */
package org.homeward.cli;
