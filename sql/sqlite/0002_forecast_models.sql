-- Trained forecast models (ML.NET zip) with their metadata: data window, features, backtest evidence,
-- interval calibration (JSON). Forecasts use the newest row per frequency; the trainer keeps a few.
CREATE TABLE IF NOT EXISTS forecast_models (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    frequency             TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    data_from             TEXT NOT NULL,
    data_to               TEXT NOT NULL,
    grain                 TEXT NOT NULL,
    series_count          INTEGER NOT NULL,
    features              TEXT NOT NULL,
    mase_model            REAL NULL,
    mase_seasonal_naive   REAL NULL,
    mase_chosen           REAL NULL,
    coverage_80           REAL NULL,
    coverage_95           REAL NULL,
    metadata              TEXT NOT NULL,
    model                 BLOB NULL
);

CREATE INDEX IF NOT EXISTS ix_forecast_models_frequency_created ON forecast_models (frequency, created_at);

-- Handling times join time registrations to their tickets.
CREATE INDEX IF NOT EXISTS ix_time_entries_ticket ON time_entries (source, ticket_id);
