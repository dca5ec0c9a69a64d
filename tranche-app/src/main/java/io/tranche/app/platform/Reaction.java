package io.tranche.app.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A reaction to another module's event (issue an invoice, evaluate a release, send mail): it runs
 * once the action's transaction has committed, in a transaction of its own, on the same thread (so
 * the request that caused it answers after it ran). Spring Modulith's JDBC event publication
 * registry records it with the action and marks it completed when it has run; one a crash
 * interrupted is re-published at start. A reaction is idempotent: running it twice changes nothing
 * the first run did not.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
public @interface Reaction {
  /**
   * The event classes, when the parameter does not say (see {@link TransactionalEventListener}).
   */
  @AliasFor(annotation = TransactionalEventListener.class, attribute = "classes")
  Class<?>[] classes() default {};
}
