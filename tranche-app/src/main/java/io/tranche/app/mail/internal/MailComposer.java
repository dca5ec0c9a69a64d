package io.tranche.app.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays a mail out as a business sends it, from the templates under {@code templates/mail/}: an HTML
 * part (the sender's name at the top, paragraphs, each link on a line of its own as a button) and
 * the same in plain text. The words come from the feature that sends the mail; the layout is here.
 */
@Component
public class MailComposer {
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

  private final TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();

  MailComposer() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
    r.setPrefix("templates/mail/");
    r.setTemplateMode(mode);
    r.setResolvablePatterns(java.util.Set.of("*" + suffix));
    r.setCharacterEncoding("UTF-8");
    r.setCacheable(true);
    r.setOrder(order);
    return r;
  }

  /** A mail's words: the subject and the plain-text body. */
  public record Written(String subject, String body) {}

  /**
   * Writes a mail from its template {@code templates/mail/<name>.txt} (Thymeleaf text mode): the
   * first line is the subject, the rest the body. Blank lines left by conditional parts collapse.
   */
  public Written write(String name, Map<String, ?> values) {
    if (!NAME.matcher(name).matches() || name.startsWith("layout")) {
      throw new IllegalArgumentException("not a mail template: " + name);
    }
    Context context = new Context();
    values.forEach(context::setVariable);
    String text = engine.process(name + ".txt", context).replace("\r\n", "\n");
    int end = text.indexOf('\n');
    if (end < 0) {
      throw new IllegalStateException("mail template " + name + " has no body");
    }
    String body = text.substring(end + 1).replaceAll("\n[ \t]*(\n[ \t]*)+\n", "\n\n").strip();
    return new Written(text.substring(0, end).strip(), body);
  }

  /** A mail's two parts. */
  record Composed(String text, String html) {}

  /** A paragraph of the body: text, or a link on its own line. */
  record Block(String text, boolean link) {}

  /** The content id of the sender's logo, attached inline to the HTML part. */
  static final String LOGO_CID = "logo";

  Composed compose(String sender, String subject, String body) {
    return compose(sender, subject, body, false);
  }

  /**
   * Lays the mail out; with {@code logo}, the HTML part shows the inline image {@link #LOGO_CID}.
   */
  Composed compose(String sender, String subject, String body, boolean logo) {
    Context context = new Context();
    context.setVariables(
        Map.of(
            "sender",
            sender,
            "subject",
            subject,
            "blocks",
            blocks(body),
            "body",
            body.strip(),
            "logo",
            logo ? "cid:" + LOGO_CID : ""));
    return new Composed(
        engine.process("layout.txt", context).strip() + "\n",
        engine.process("layout.html", context));
  }

  /** The body's paragraphs; a line that is only a link becomes a block of its own. */
  static List<Block> blocks(String body) {
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : body.strip().split("\\n\\s*\\n")) {
      StringBuilder text = new StringBuilder();
      for (String line : paragraph.split("\\n")) {
        String l = line.strip();
        Matcher m = URL.matcher(l);
        if (m.matches()) {
          if (text.length() > 0) {
            blocks.add(new Block(text.toString(), false));
            text.setLength(0);
          }
          blocks.add(new Block(l, true));
        } else if (!l.isEmpty()) {
          text.append(text.length() == 0 ? "" : " ").append(l);
        }
      }
      if (text.length() > 0) {
        blocks.add(new Block(text.toString(), false));
      }
    }
    return blocks;
  }
}
