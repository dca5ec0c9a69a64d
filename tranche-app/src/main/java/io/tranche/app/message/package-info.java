/** The requirements thread of each project: messages and attachments, as evidence. */
@NullMarked
package io.tranche.app.message;

import org.jspecify.annotations.NullMarked;
