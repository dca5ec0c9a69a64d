/** The client portal: server-rendered pages for client contacts, composed from feature services. */
@NullMarked
package io.tranche.app.portal;

import org.jspecify.annotations.NullMarked;
