#!/usr/bin/env pwsh

<#
.SYNOPSIS
    Submits the SparkVideo streaming job to a real Apache Spark (local[*] or a cluster) with .NET for Apache Spark.

.DESCRIPTION
    1. Publishes src/SparkJob against the Microsoft.Spark NuGet package (-p:SparkBackend=Microsoft.Spark),
       unless -AppPath points at an already published job.
    2. Finds Java, SPARK_HOME, the Microsoft.Spark worker (DOTNET_WORKER_DIR) and the
       microsoft-spark-<spark major>-<minor>_<scala>-<version>.jar that matches the installed Spark.
    3. Runs: spark-submit --class org.apache.spark.deploy.dotnet.DotnetRunner --master <master> <jar> dotnet <app>/SparkJob.dll [job args]

    Each missing prerequisite stops the script with one message saying how to fix it.
    -DryRun prints the exact command instead of running it.

.EXAMPLE
    ./spark-submit.ps1 -- --port 9999
.EXAMPLE
    ./spark-submit.ps1 -Master spark://head:7077 -DryRun -- --host camera-host --port 9999
#>
#Requires -Version 7.0
[CmdletBinding()]
param(
    # Spark master URL: local[*], local[N], spark://host:7077, yarn, k8s://...
    [string] $Master = 'local[*]',
    # client or cluster (spark-submit --deploy-mode).
    [ValidateSet('client', 'cluster')]
    [string] $DeployMode = 'client',
    # Apache Spark installation; defaults to $env:SPARK_HOME.
    [string] $SparkHome = $env:SPARK_HOME,
    # Microsoft.Spark.Worker directory; defaults to $env:DOTNET_WORKER_DIR.
    [string] $WorkerDir = $env:DOTNET_WORKER_DIR,
    # The microsoft-spark-*.jar to use; found automatically when omitted.
    [string] $JarPath,
    # A published SparkJob folder (with SparkJob.dll); the script publishes one when omitted.
    [string] $AppPath,
    # Microsoft.Spark package version to build against (must equal the worker's version).
    [string] $MicrosoftSparkVersion = '2.3.1',
    # Extra spark-submit arguments, e.g. @('--conf', 'spark.executor.memory=4g').
    [string[]] $SparkArgs = @(),
    # Print the command instead of running it.
    [switch] $DryRun,
    # Show this help (also: --help).
    [switch] $Help,
    # Arguments after -- go to the job (see: dotnet run --project src/SparkJob -- --help).
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $JobArgs = @()
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$repoRoot = $PSScriptRoot

function Stop-WithError([string] $message) {
    [Console]::Error.WriteLine("spark-submit.ps1: $message")
    exit 1
}

function Find-Java {
    $candidates = @()
    if ($env:JAVA_HOME) {
        $candidates += Join-Path $env:JAVA_HOME 'bin' ($IsWindows ? 'java.exe' : 'java')
    }
    $onPath = Get-Command java -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { $candidates += $onPath.Source }
    $found = $candidates | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
    if (-not $found) {
        Stop-WithError 'Java was not found. Install a JDK 8, 11 or 17 (Spark 3.x) and set JAVA_HOME or put java on PATH.'
    }
    return $found
}

function Resolve-SparkInstall([string] $sparkDir) {
    if (-not $sparkDir) {
        Stop-WithError 'SPARK_HOME is not set. Download Apache Spark 3.3-3.5, unpack it, and set SPARK_HOME (or pass -SparkHome <dir>).'
    }
    if (-not (Test-Path -LiteralPath $sparkDir -PathType Container)) {
        Stop-WithError "SPARK_HOME '$sparkDir' does not exist. Point SPARK_HOME (or -SparkHome) at an unpacked Apache Spark."
    }
    $submit = Join-Path $sparkDir 'bin' ($IsWindows ? 'spark-submit.cmd' : 'spark-submit')
    if (-not (Test-Path -LiteralPath $submit -PathType Leaf)) {
        Stop-WithError "'$submit' was not found: SPARK_HOME '$sparkDir' is not an Apache Spark installation."
    }
    # Spark's own jars name its version and Scala line: jars/spark-core_2.12-3.5.1.jar
    $core = Get-ChildItem -LiteralPath (Join-Path $sparkDir 'jars') -Filter 'spark-core_*.jar' -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if (-not $core -or $core.Name -notmatch '^spark-core_(?<scala>\d+\.\d+)-(?<major>\d+)\.(?<minor>\d+)\.\d+.*\.jar$') {
        Stop-WithError "cannot tell the Spark version: no jars/spark-core_<scala>-<version>.jar under '$sparkDir'."
    }
    return [pscustomobject]@{
        Submit = $submit
        Scala  = $Matches.scala
        Major  = [int]$Matches.major
        Minor  = [int]$Matches.minor
    }
}

function Resolve-Worker([string] $dir, [string] $version) {
    if (-not $dir) {
        Stop-WithError "DOTNET_WORKER_DIR is not set. Download Microsoft.Spark.Worker $version (net8.0, your OS) from the dotnet/spark GitHub releases, unpack it, and set DOTNET_WORKER_DIR (or pass -WorkerDir <dir>)."
    }
    $exe = Join-Path $dir ($IsWindows ? 'Microsoft.Spark.Worker.exe' : 'Microsoft.Spark.Worker')
    if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) {
        Stop-WithError "the Microsoft.Spark worker was not found at '$exe'. DOTNET_WORKER_DIR must be the unpacked Microsoft.Spark.Worker $version folder."
    }
    $dll = Join-Path $dir 'Microsoft.Spark.Worker.dll'
    if (Test-Path -LiteralPath $dll -PathType Leaf) {
        $workerVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion
        if ($workerVersion -and -not $workerVersion.StartsWith($version)) {
            Stop-WithError "the worker in '$dir' is version $workerVersion but the job is built against Microsoft.Spark $version; they must match."
        }
    }
    return (Resolve-Path -LiteralPath $dir).Path
}

function Find-Jar([pscustomobject] $spark, [string] $version, [string[]] $searchDirs) {
    $name = "microsoft-spark-$($spark.Major)-$($spark.Minor)_$($spark.Scala)-$version.jar"
    foreach ($dir in $searchDirs | Where-Object { $_ -and (Test-Path -LiteralPath $_ -PathType Container) }) {
        $hit = Get-ChildItem -LiteralPath $dir -Filter $name -Recurse -File -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($hit) { return $hit.FullName }
    }
    Stop-WithError "$name was not found (looked in: $($searchDirs -join ', ')). It ships in the Microsoft.Spark $version NuGet package (jars/); restore it with -p:SparkBackend=Microsoft.Spark or pass -JarPath."
}

function Publish-Job([string] $version) {
    $out = Join-Path $repoRoot 'artifacts' 'sparkjob-microsoft-spark'
    Write-Host "Publishing src/SparkJob for the Microsoft.Spark $version backend to $out ..."
    # A runtime-specific publish puts the native OpenCV and ONNX Runtime libraries next to the assemblies,
    # where the worker process (which loads the UDFs from DOTNET_ASSEMBLY_SEARCH_PATHS) can find them.
    & dotnet publish (Join-Path $repoRoot 'src' 'SparkJob' 'SparkJob.csproj') -c Release -o $out `
        -r ([System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier) --self-contained false `
        -p:SparkBackend=Microsoft.Spark -p:MicrosoftSparkVersion=$version
    if ($LASTEXITCODE -ne 0) {
        Stop-WithError "publishing the job failed (exit $LASTEXITCODE). The Microsoft.Spark $version package must be reachable from your NuGet sources."
    }
    return $out
}

if ($Help -or ($JobArgs.Count -gt 0 -and $JobArgs[0] -in @('--help', '-h', '-?'))) {
    Get-Help $PSCommandPath -Detailed
    exit 0
}

# A leading '--' separates the job's arguments from the script's.
if ($JobArgs.Count -gt 0 -and $JobArgs[0] -eq '--') { $JobArgs = $JobArgs[1..($JobArgs.Count - 1)] }

$java = Find-Java
$spark = Resolve-SparkInstall $SparkHome
$worker = Resolve-Worker $WorkerDir $MicrosoftSparkVersion

if ($AppPath) {
    if (-not (Test-Path -LiteralPath (Join-Path $AppPath 'SparkJob.dll') -PathType Leaf)) {
        Stop-WithError "-AppPath '$AppPath' has no SparkJob.dll; publish the job with: dotnet publish src/SparkJob -c Release -p:SparkBackend=Microsoft.Spark -o <dir>"
    }
    $app = (Resolve-Path -LiteralPath $AppPath).Path
} elseif ($DryRun) {
    $app = Join-Path $repoRoot 'artifacts' 'sparkjob-microsoft-spark'
} else {
    $app = Publish-Job $MicrosoftSparkVersion
}

if ($JarPath) {
    if (-not (Test-Path -LiteralPath $JarPath -PathType Leaf)) { Stop-WithError "-JarPath '$JarPath' does not exist." }
    $jar = (Resolve-Path -LiteralPath $JarPath).Path
} else {
    $nugetRoot = $env:NUGET_PACKAGES ? $env:NUGET_PACKAGES : (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget' 'packages')
    $jar = Find-Jar $spark $MicrosoftSparkVersion @($app, (Join-Path $nugetRoot 'microsoft.spark' $MicrosoftSparkVersion))
}

$arguments = @('--class', 'org.apache.spark.deploy.dotnet.DotnetRunner', '--master', $Master, '--deploy-mode', $DeployMode) +
    $SparkArgs + @($jar, 'dotnet', (Join-Path $app 'SparkJob.dll')) + $JobArgs

$env:DOTNET_WORKER_DIR = $worker
$env:DOTNET_ASSEMBLY_SEARCH_PATHS = $app
$env:JAVA_HOME = Split-Path (Split-Path $java -Parent) -Parent

$quoted = ($arguments | ForEach-Object { $_ -match '[\s\*\[\]"]' ? "'$_'" : $_ }) -join ' '
Write-Host "DOTNET_WORKER_DIR=$worker"
Write-Host "DOTNET_ASSEMBLY_SEARCH_PATHS=$app"
Write-Host "$($spark.Submit) $quoted"
if ($DryRun) { exit 0 }

& $spark.Submit @arguments
exit $LASTEXITCODE
