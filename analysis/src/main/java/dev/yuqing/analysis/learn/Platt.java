package dev.yuqing.analysis.learn;

/**
 * Platt scaling: the sigmoid p = σ(a·margin + b) fitted to target probabilities by Newton's method
 * on the log loss, for every classifier that turns margins into probabilities.
 */
public final class Platt {
  private Platt() {}

  /**
   * Fits {@code {a, b}} from a = 1, b = 0.
   *
   * @param ridge added to the Hessian's diagonal, so that a flat start still has a step
   * @param tolerance the fit stops once a step moves neither a nor b by this much
   */
  public static double[] fit(
      double[] margin, double[] target, int iterations, double ridge, double tolerance) {
    double a = 1;
    double b = 0;
    for (int it = 0; it < iterations; it++) {
      double ga = 0;
      double gb = 0;
      double haa = ridge;
      double hab = 0;
      double hbb = ridge;
      for (int i = 0; i < margin.length; i++) {
        double q = sigmoid(a * margin[i] + b);
        double d = q - target[i];
        double s = q * (1 - q);
        ga += d * margin[i];
        gb += d;
        haa += s * margin[i] * margin[i];
        hab += s * margin[i];
        hbb += s;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < tolerance && Math.abs(db) < tolerance) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** σ(z), without overflow for large |z|. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
