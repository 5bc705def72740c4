namespace Analytics.Forecasting.Ets;

/// <summary>Solves the small symmetric positive-definite normal equations of the initial-state least squares.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Solves <c>A x = b</c> for a k×k row-major <paramref name="matrix"/> (overwritten by its factor);
    /// <paramref name="rhs"/> becomes x. False when the matrix is not numerically positive definite.
    /// </summary>
    public static bool TrySolve(Span<double> matrix, Span<double> rhs, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var diagonal = matrix[(j * k) + j];
            for (var p = 0; p < j; p++)
            {
                diagonal -= matrix[(j * k) + p] * matrix[(j * k) + p];
            }

            if (!(diagonal > 0))
            {
                return false;
            }

            var root = Math.Sqrt(diagonal);
            matrix[(j * k) + j] = root;
            for (var i = j + 1; i < k; i++)
            {
                var value = matrix[(i * k) + j];
                for (var p = 0; p < j; p++)
                {
                    value -= matrix[(i * k) + p] * matrix[(j * k) + p];
                }

                matrix[(i * k) + j] = value / root;
            }
        }

        // L z = b, then Lᵀ x = z.
        for (var i = 0; i < k; i++)
        {
            var value = rhs[i];
            for (var p = 0; p < i; p++)
            {
                value -= matrix[(i * k) + p] * rhs[p];
            }

            rhs[i] = value / matrix[(i * k) + i];
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var value = rhs[i];
            for (var p = i + 1; p < k; p++)
            {
                value -= matrix[(p * k) + i] * rhs[p];
            }

            rhs[i] = value / matrix[(i * k) + i];
        }

        return true;
    }
}
