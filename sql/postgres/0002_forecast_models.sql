-- Trained forecast models (ML.NET zip) with their metadata: data window, features, backtest evidence,
-- interval calibration (JSON). Forecasts use the newest row per frequency; the trainer keeps a few.
CREATE TABLE IF NOT EXISTS forecast_models (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    frequency             TEXT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    data_from             DATE NOT NULL,
    data_to               DATE NOT NULL,
    grain                 TEXT NOT NULL,
    series_count          INTEGER NOT NULL,
    features              TEXT NOT NULL,
    mase_model            DOUBLE PRECISION NULL,
    mase_seasonal_naive   DOUBLE PRECISION NULL,
    mase_chosen           DOUBLE PRECISION NULL,
    coverage_80           DOUBLE PRECISION NULL,
    coverage_95           DOUBLE PRECISION NULL,
    metadata              TEXT NOT NULL,
    model                 BYTEA NULL
);

CREATE INDEX IF NOT EXISTS ix_forecast_models_frequency_created ON forecast_models (frequency, created_at);

-- Handling times join time registrations to their tickets.
CREATE INDEX IF NOT EXISTS ix_time_entries_ticket ON time_entries (source, ticket_id);
