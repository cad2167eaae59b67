package dev.yuqing.crawler.extract;

import dev.yuqing.core.config.ForumSelectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads board and thread pages with a site profile's CSS selectors. Thread-safe. */
public final class ForumExtractor {
  /** Quoted earlier posts, edit notes and anti-copy noise inside a post body. */
  private static final String BODY_NOISE =
      ".quote, blockquote, .pstatus, i.pstatus, .jammer, .attach_nopermission, .tip, script, style";

  private final ForumSelectors sel;
  private final Dates dates;

  public ForumExtractor(ForumSelectors selectors, Dates dates) {
    this.sel = selectors;
    this.dates = dates;
  }

  /** Thread links of a board page; a link repeated on the page is kept once. */
  public ForumPage.Board board(Document doc) {
    Map<String, ForumPage.ThreadLink> links = new LinkedHashMap<>();
    Elements all = doc.select(sel.threadLink());
    for (Element a : all) {
      String url = a.absUrl("href");
      if (url.isEmpty() || links.containsKey(stripFragment(url))) {
        continue;
      }
      links.put(
          stripFragment(url),
          new ForumPage.ThreadLink(stripFragment(url), Text.clean(a.text()), rowText(a)));
    }
    return new ForumPage.Board(new ArrayList<>(links.values()), next(doc));
  }

  /** The largest ancestor that holds this thread link and no other: the board row. */
  private String rowText(Element link) {
    Element row = link;
    for (int i = 0; i < 6 && row.parent() != null; i++) {
      Element p = row.parent();
      if (p.normalName().equals("body") || p.select(sel.threadLink()).size() > 1) {
        break;
      }
      row = p;
    }
    return Text.clean(row.text());
  }

  /** The posts of one thread page. */
  public ForumPage.Thread thread(Document doc) {
    Element titleEl = doc.selectFirst(sel.threadTitle());
    String title = titleEl == null ? Text.clean(doc.title()) : Text.clean(titleEl.text());
    Elements found = doc.select(sel.post());
    // a selector may match a post and an element inside it: keep the outermost
    Map<Element, Boolean> set = new IdentityHashMap<>();
    found.forEach(e -> set.put(e, true));
    List<ForumPage.Post> posts = new ArrayList<>();
    for (Element p : found) {
      if (hasAncestorIn(p, set)) {
        continue;
      }
      Element bodyEl = p.selectFirst(sel.postBody());
      Element body = (bodyEl == null ? p : bodyEl).clone();
      body.select(BODY_NOISE).remove();
      if (bodyEl == null) {
        body.select(sel.postAuthor() + ", " + sel.postTime()).remove();
      }
      String text = Text.lines(body);
      if (text.isEmpty()) {
        continue;
      }
      Element a = p.selectFirst(sel.postAuthor());
      Element t = p.selectFirst(sel.postTime());
      String anchor = p.id().isEmpty() ? null : p.id();
      posts.add(
          new ForumPage.Post(
              anchor,
              a == null ? null : emptyToNull(Text.clean(a.text())),
              t == null ? null : timeOf(t).orElse(null),
              text));
    }
    return new ForumPage.Thread(title, posts, next(doc));
  }

  private static boolean hasAncestorIn(Element e, Map<Element, Boolean> set) {
    for (Element x = e.parent(); x != null; x = x.parent()) {
      if (set.containsKey(x)) {
        return true;
      }
    }
    return false;
  }

  /** A time element: its datetime/title attributes (or a descendant's) before its text. */
  Optional<Instant> timeOf(Element e) {
    List<Element> withAttrs = new ArrayList<>();
    withAttrs.add(e);
    withAttrs.addAll(e.select("[datetime], [title]"));
    for (Element x : withAttrs) {
      for (String attr : List.of("datetime", "title")) {
        if (x.hasAttr(attr)) {
          Optional<Instant> d = dates.parse(x.attr(attr));
          if (d.isPresent()) {
            return d;
          }
        }
      }
    }
    return dates.find(Text.clean(e.text()));
  }

  private String next(Document doc) {
    return NextPage.find(doc, sel.nextPage());
  }

  private static String stripFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
