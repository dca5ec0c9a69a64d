/** Requirements messages: rules for their attachments. */
@NullMarked
package io.tranche.core.message;

import org.jspecify.annotations.NullMarked;
