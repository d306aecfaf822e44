/** A person's history as an immutable, catalogue-checked value, and the readers that build it. */
package org.homeward.person;
