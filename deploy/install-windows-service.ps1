# Installs analytics-worker as a Windows service (run as Administrator):
#   powershell -ExecutionPolicy Bypass -File install-windows-service.ps1
# The executable path is quoted inside the service's command line: unquoted, a path with spaces such as
# C:\Program Files\... lets Windows try C:\Program.exe first (CWE-428).
param(
    [string]$InstallFolder = "$env:ProgramFiles\analytics-worker",
    [string]$SettingsFile = "$env:ProgramData\analytics-worker\appsettings.json"
)
$ErrorActionPreference = 'Stop'
$exe = Join-Path $InstallFolder 'analytics-worker.exe'
if (-not (Test-Path $exe)) { throw "$exe not found: publish with 'dotnet publish Worker -c Release -r win-x64 -o `"$InstallFolder`"' first." }
if (-not (Test-Path $SettingsFile)) {
    # A service starts in C:\Windows\System32: the settings file must give absolute paths (see docs/operations.md).
    throw "$SettingsFile not found: copy appsettings.json there and set absolute paths for the store, reports and mail."
}

$binaryPath = "`"$exe`" run --config `"$SettingsFile`""
New-Service -Name 'analytics-worker' -DisplayName 'IT support workload monitor' -BinaryPathName $binaryPath -StartupType AutomaticDelayedStart
# Restart after a crash (exit 1), not in a tight loop: after 60 s, reset the count after a day.
sc.exe failure analytics-worker reset= 86400 actions= restart/60000 | Out-Null
sc.exe qc analytics-worker
