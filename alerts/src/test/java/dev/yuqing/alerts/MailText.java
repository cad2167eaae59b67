package dev.yuqing.alerts;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Text of all text parts of a message, decoded. */
public final class MailText {
  private MailText() {}

  public static String all(Part p) throws Exception {
    if (p.isMimeType("text/*")) {
      return (String) p.getContent();
    }
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        sb.append(all(b)).append('\n');
      }
      return sb.toString();
    }
    return "";
  }

  /** Whether a part (at any depth) is an inline PNG with the given content id. */
  public static boolean hasInlinePng(Part p, String cid) throws Exception {
    if (p.isMimeType("image/png")) {
      String[] ids = p.getHeader("Content-ID");
      return ids != null && ids[0].equals("<" + cid + ">");
    }
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        if (hasInlinePng(mp.getBodyPart(i), cid)) {
          return true;
        }
      }
    }
    return false;
  }
}
