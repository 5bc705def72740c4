-- Trained forecast models (ML.NET zip) with their metadata: data window, features, backtest evidence,
-- interval calibration (JSON). Forecasts use the newest row per frequency; the trainer keeps a few.
IF OBJECT_ID(N'dbo.forecast_models', N'U') IS NULL
CREATE TABLE dbo.forecast_models (
    id                    BIGINT IDENTITY(1,1) PRIMARY KEY,
    frequency             NVARCHAR(10) NOT NULL,
    created_at            DATETIMEOFFSET(0) NOT NULL,
    data_from             DATE NOT NULL,
    data_to               DATE NOT NULL,
    grain                 NVARCHAR(20) NOT NULL,
    series_count          INTEGER NOT NULL,
    features              NVARCHAR(MAX) NOT NULL,
    mase_model            FLOAT NULL,
    mase_seasonal_naive   FLOAT NULL,
    mase_chosen           FLOAT NULL,
    coverage_80           FLOAT NULL,
    coverage_95           FLOAT NULL,
    metadata              NVARCHAR(MAX) NOT NULL,
    model                 VARBINARY(MAX) NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_forecast_models_frequency_created')
    CREATE INDEX ix_forecast_models_frequency_created ON dbo.forecast_models (frequency, created_at);

-- Handling times join time registrations to their tickets.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_time_entries_ticket')
    CREATE INDEX ix_time_entries_ticket ON dbo.time_entries (source, ticket_id);
