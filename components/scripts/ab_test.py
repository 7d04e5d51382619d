"""A/B decision for Argosy model deployments, run as an Argo Rollouts job analysis.

Reads per-arm statistics from Prometheus, runs a two-proportion z-test (rates) or Welch's
t-test (means) and exits 0 when the decision rule holds, 1 when it does not (the rollout then
aborts and the primary keeps serving), 2 when the inputs are unusable. Standard library only,
so any python3 image can run it.

Environment:
  PROMETHEUS_URL          base URL of the Prometheus HTTP API
  AB_TEST                 "proportions" or "welch"
  AB_ALPHA                significance level of the two-sided test
  AB_MIN_SAMPLES          minimum samples per arm
  AB_HIGHER_IS_BETTER     "true" when a larger value is an improvement
  AB_REQUIRE              "better" (significant improvement) or "not-worse" (no significant regression)
  AB_QUERY_<ARM>_<Q>      PromQL per arm (BASELINE, CANDIDATE) and quantity:
                          SUCCESSES and TRIALS for proportions; COUNT, SUM and SUM_OF_SQUARES for welch
"""
import json
import math
import os
import sys
import urllib.parse
import urllib.request


def normal_sf(z):
    """Upper tail of the standard normal distribution, P(Z > z)."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def _beta_continued_fraction(a, b, x):
    """Continued fraction of the incomplete beta function (modified Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            return h
    raise ArithmeticError("incomplete beta did not converge")


def betainc(a, b, x):
    """Regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    # The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) above it.
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def student_t_sf(t, df):
    """Upper tail of Student's t distribution with (possibly fractional) df degrees of freedom."""
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t))
    return tail if t >= 0 else 1.0 - tail


def two_proportion_z_test(successes_a, trials_a, successes_b, trials_b):
    """Pooled two-proportion z-test of B against A: returns (difference p_b - p_a, z, two-sided p)."""
    if trials_a <= 0 or trials_b <= 0:
        raise ValueError("both arms need at least one trial")
    p_a = successes_a / trials_a
    p_b = successes_b / trials_b
    pooled = (successes_a + successes_b) / (trials_a + trials_b)
    variance = pooled * (1.0 - pooled) * (1.0 / trials_a + 1.0 / trials_b)
    if variance == 0.0:
        # Both arms all-success or all-failure: no evidence of any difference.
        return p_b - p_a, 0.0, 1.0
    z = (p_b - p_a) / math.sqrt(variance)
    return p_b - p_a, z, 2.0 * normal_sf(abs(z))


def welch_t_test(mean_a, var_a, n_a, mean_b, var_b, n_b):
    """Welch's unequal-variance t-test of B against A: returns (difference, t, df, two-sided p)."""
    if n_a < 2 or n_b < 2:
        raise ValueError("both arms need at least two samples")
    se_a, se_b = var_a / n_a, var_b / n_b
    se2 = se_a + se_b
    if se2 == 0.0:
        return mean_b - mean_a, 0.0, float(n_a + n_b - 2), 1.0 if mean_a == mean_b else 0.0
    t = (mean_b - mean_a) / math.sqrt(se2)
    df = se2 * se2 / (se_a * se_a / (n_a - 1) + se_b * se_b / (n_b - 1))
    return mean_b - mean_a, t, df, 2.0 * student_t_sf(abs(t), df)


def moments(count, total, total_of_squares):
    """Mean and unbiased sample variance from a count, a sum and a sum of squares."""
    if count < 2:
        raise ValueError("need at least two samples for a variance")
    mean = total / count
    variance = max(0.0, (total_of_squares - total * total / count) / (count - 1))
    return mean, variance


def decide(difference, p_value, n_a, n_b, alpha, min_samples, higher_is_better, require):
    """Applies the decision rule; returns (passed, reason)."""
    if min(n_a, n_b) < min_samples:
        return False, "not enough samples (%d and %d, need %d per arm)" % (n_a, n_b, min_samples)
    improvement = difference if higher_is_better else -difference
    significant = p_value < alpha
    if require == "better":
        if significant and improvement > 0:
            return True, "candidate is significantly better"
        return False, "candidate is not significantly better"
    if require == "not-worse":
        if significant and improvement < 0:
            return False, "candidate is significantly worse"
        return True, "candidate is not significantly worse"
    raise ValueError("unknown decision rule %r" % require)


def query_scalar(base_url, promql):
    """Runs an instant query and returns its first value; an empty result counts as 0."""
    url = base_url.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": promql})
    with urllib.request.urlopen(url, timeout=30) as response:
        body = json.load(response)
    if body.get("status") != "success":
        raise RuntimeError("Prometheus query failed: %s" % body.get("error", body))
    result = body["data"]["result"]
    if not result:
        return 0.0
    value = float(result[0]["value"][1])
    if math.isnan(value):
        return 0.0
    return value


def evaluate(env, query):
    """Computes the test from the environment, querying through `query(promql)`."""
    test = env["AB_TEST"]
    q = lambda arm, name: query(env["AB_QUERY_%s_%s" % (arm, name)])
    if test == "proportions":
        s_a, n_a = q("BASELINE", "SUCCESSES"), q("BASELINE", "TRIALS")
        s_b, n_b = q("CANDIDATE", "SUCCESSES"), q("CANDIDATE", "TRIALS")
        if min(n_a, n_b) <= 0:
            return {"passed": False, "reason": "an arm has no trials", "n_baseline": n_a, "n_candidate": n_b}
        difference, statistic, p_value = two_proportion_z_test(s_a, n_a, s_b, n_b)
        extra = {"z": statistic, "rate_baseline": s_a / n_a, "rate_candidate": s_b / n_b}
    elif test == "welch":
        n_a, n_b = q("BASELINE", "COUNT"), q("CANDIDATE", "COUNT")
        if min(n_a, n_b) < 2:
            return {"passed": False, "reason": "an arm has fewer than two samples", "n_baseline": n_a, "n_candidate": n_b}
        m_a, v_a = moments(n_a, q("BASELINE", "SUM"), q("BASELINE", "SUM_OF_SQUARES"))
        m_b, v_b = moments(n_b, q("CANDIDATE", "SUM"), q("CANDIDATE", "SUM_OF_SQUARES"))
        difference, statistic, df, p_value = welch_t_test(m_a, v_a, n_a, m_b, v_b, n_b)
        extra = {"t": statistic, "df": df, "mean_baseline": m_a, "mean_candidate": m_b}
    else:
        raise ValueError("unknown test %r" % test)
    passed, reason = decide(
        difference, p_value, n_a, n_b,
        float(env["AB_ALPHA"]), float(env["AB_MIN_SAMPLES"]),
        env["AB_HIGHER_IS_BETTER"] == "true", env["AB_REQUIRE"],
    )
    result = {"passed": passed, "reason": reason, "test": test, "difference": difference, "p_value": p_value, "n_baseline": n_a, "n_candidate": n_b}
    result.update(extra)
    return result


def main():
    try:
        base = os.environ["PROMETHEUS_URL"]
        result = evaluate(os.environ, lambda promql: query_scalar(base, promql))
    except (KeyError, ValueError, RuntimeError, OSError) as err:
        print(json.dumps({"passed": False, "error": str(err)}))
        return 2
    print(json.dumps(result, sort_keys=True))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
