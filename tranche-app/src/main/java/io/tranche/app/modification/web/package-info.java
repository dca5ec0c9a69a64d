/** The modification requests' JSON API. */
@NullMarked
package io.tranche.app.modification.web;

import org.jspecify.annotations.NullMarked;
