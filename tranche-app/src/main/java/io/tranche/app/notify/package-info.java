/** Mail notifications: listens to other features' events; nothing depends on it. */
@NullMarked
package io.tranche.app.notify;

import org.jspecify.annotations.NullMarked;
