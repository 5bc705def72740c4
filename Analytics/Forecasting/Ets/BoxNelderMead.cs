namespace Analytics.Forecasting.Ets;

/// <summary>
/// Nelder–Mead minimisation inside a box: every trial point is clamped into the bounds, so an optimum on a
/// bound (φ = 0.98 is common) is reached exactly rather than approached through a transform.
/// </summary>
internal static class BoxNelderMead
{
    /// <summary>
    /// Minimises <paramref name="f"/> from <paramref name="start"/> with an initial simplex of
    /// <paramref name="step"/> along each axis (turned inwards at a bound). Stops when the simplex's values
    /// differ by at most <paramref name="valueTolerance"/> or its points by at most 1e-9 in every coordinate.
    /// </summary>
    public static (double[] Point, double Value, int Evaluations) Minimize(
        Func<double[], double> f, double[] start, double[] lower, double[] upper, double step, double valueTolerance, int maxEvaluations)
    {
        var d = start.Length;
        var points = new double[d + 1][];
        var values = new double[d + 1];
        var evaluations = 0;

        double Evaluate(double[] x)
        {
            for (var i = 0; i < d; i++)
            {
                x[i] = Math.Clamp(x[i], lower[i], upper[i]);
            }

            evaluations++;
            var value = f(x);
            return double.IsNaN(value) ? double.PositiveInfinity : value;
        }

        points[0] = (double[])start.Clone();
        values[0] = Evaluate(points[0]);
        for (var i = 0; i < d; i++)
        {
            var x = (double[])points[0].Clone();
            var width = upper[i] - lower[i];
            var delta = Math.Min(step, width / 2);
            x[i] += x[i] + delta <= upper[i] ? delta : -delta;
            points[i + 1] = x;
            values[i + 1] = Evaluate(x);
        }

        var order = new int[d + 1];
        var centroid = new double[d];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= d; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[d];
            var secondWorst = order[d - 1];
            if (values[worst] - values[best] <= valueTolerance || Diameter(points, best) <= 1e-9)
            {
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i <= d; i++)
            {
                if (i == worst)
                {
                    continue;
                }

                for (var c = 0; c < d; c++)
                {
                    centroid[c] += points[i][c] / d;
                }
            }

            var reflected = Along(centroid, points[worst], -1);
            var reflectedValue = Evaluate(reflected);
            if (reflectedValue < values[best])
            {
                var expanded = Along(centroid, points[worst], -2);
                var expandedValue = Evaluate(expanded);
                (points[worst], values[worst]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }

            if (reflectedValue < values[secondWorst])
            {
                (points[worst], values[worst]) = (reflected, reflectedValue);
                continue;
            }

            // Contract towards the better of the worst point and its reflection.
            var outside = reflectedValue < values[worst];
            var contracted = Along(centroid, points[worst], outside ? -0.5 : 0.5);
            var contractedValue = Evaluate(contracted);
            if (contractedValue < (outside ? reflectedValue : values[worst]))
            {
                (points[worst], values[worst]) = (contracted, contractedValue);
                continue;
            }

            for (var i = 0; i <= d; i++)
            {
                if (i == best)
                {
                    continue;
                }

                points[i] = Along(points[best], points[i], 0.5);
                values[i] = Evaluate(points[i]);
            }
        }

        var argmin = 0;
        for (var i = 1; i <= d; i++)
        {
            if (values[i] < values[argmin])
            {
                argmin = i;
            }
        }

        return (points[argmin], values[argmin], evaluations);
    }

    /// <summary>from + t·(to − from).</summary>
    private static double[] Along(double[] from, double[] to, double t)
    {
        var x = new double[from.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = from[i] + (t * (to[i] - from[i]));
        }

        return x;
    }

    private static double Diameter(double[][] points, int best)
    {
        var diameter = 0.0;
        foreach (var point in points)
        {
            for (var c = 0; c < point.Length; c++)
            {
                diameter = Math.Max(diameter, Math.Abs(point[c] - points[best][c]));
            }
        }

        return diameter;
    }
}
