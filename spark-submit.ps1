#!/usr/bin/env pwsh
#Requires -Version 7.0

# Submits the SparkVideo streaming job to a real Apache Spark with .NET for Apache Spark.
#
# The script reads its own arguments instead of declaring a param() block: with one, `pwsh -File` and
# `pwsh script.ps1` (how bash users start it) fail on a literal `--` before the script runs ("the parameter name ''
# is ambiguous"), and PowerShell binds job arguments such as `--master local[2]` to the script's own -Master.
# Rule: the script's options (-Name, one dash) come first; everything from the first other token, or after `--`,
# goes to the job unchanged. Run with -Help for the options.

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$repoRoot = $PSScriptRoot
$microsoftSparkVersionDefault = '2.3.1'

# Which Apache Spark lines each Microsoft.Spark release serves (the bridge jars in its NuGet package, from dotnet/spark's
# release notes), the Scala build of each line's jar, and the newest patch release that jar accepts; a newer patch
# needs spark.dotnet.ignoreSparkPatchVersionCheck=true. Spark 4 needs 2.4.0 (its Scala 2.13 bridge) and JDK 17.
$releases = [ordered]@{
    '2.3.1' = @{ '3.3' = 4; '3.4' = 4; '3.5' = 3 }
    '2.4.0' = @{ '3.3' = 4; '3.4' = 4; '3.5' = 3; '4.0' = 4 }
}
$bridgeScala = @{ 3 = '2.12'; 4 = '2.13' }
$minimumJava = @{ 3 = 8; 4 = 17 }

$usage = @"
Submits the SparkVideo streaming job to a real Apache Spark (local[*] or a cluster) with .NET for Apache Spark.

Usage: ./spark-submit.ps1 [options] [--] [job arguments]

Options (one dash; everything else, or all after --, goes to the job: see dotnet run --project src/SparkJob -- --help):
  -Master <url>                 Spark master: local[*] (default), local[N], spark://host:7077, yarn, k8s://...
  -SparkHome <dir>              Apache Spark 3.3-3.5 or 4.0 installation (default: `$env:SPARK_HOME).
  -WorkerDir <dir>              Microsoft.Spark.Worker directory (default: `$env:DOTNET_WORKER_DIR); on a cluster,
                                the worker must be at this path on every node (or pass -Conf
                                spark.executorEnv.DOTNET_WORKER_DIR=<path on the nodes>).
  -JarPath <file>               The microsoft-spark-*.jar to use (default: found for the installed Spark).
  -AppPath <dir>                An already published job folder (with SparkJob.dll); default: publish one.
  -MicrosoftSparkVersion <v>    Microsoft.Spark package version to build against, = the worker's (default: $microsoftSparkVersionDefault
                                for Spark 3.3-3.5, 2.4.0 for Spark 4.0; 2.4.0 also serves 3.3-3.5).
  -Conf <key=value>             An extra spark-submit --conf (repeatable).
  -DryRun                       Print the exact command instead of running it.
  -Help                         Show this help.

What it does:
  1. Publishes src/SparkJob for the Microsoft.Spark backend (-p:SparkBackend=Microsoft.Spark, portable RID),
     unless -AppPath is given.
  2. Finds Java, SPARK_HOME (and Spark's version), picks the Microsoft.Spark release and bridge jar for that Spark
     (Spark 4.0: 2.4.0, microsoft-spark-4-0_2.13, JDK 17), then the worker; each missing or mismatched
     prerequisite stops it with one message saying how to fix it.
  3. local master: DOTNET_ASSEMBLY_SEARCH_PATHS points at the published job. Any other master: the job is zipped
     and shipped with --archives <zip>#sparkvideo, and executors search ./sparkvideo.
  4. Runs: spark-submit --class org.apache.spark.deploy.dotnet.DotnetRunner --master <master> [--conf ...]
     <jar> dotnet <app>/SparkJob.dll [job arguments]

Examples:
  ./spark-submit.ps1 --port 9999
  ./spark-submit.ps1 -Master spark://head:7077 -- --host camera-host --output-dir /shared/frames
  ./spark-submit.ps1 -DryRun -- --port 9999
"@

function Stop-WithError([string] $message) {
    [Console]::Error.WriteLine("spark-submit.ps1: $message")
    exit 1
}

function Stop-WithUsageError([string] $message) {
    [Console]::Error.WriteLine("spark-submit.ps1: $message (see ./spark-submit.ps1 -Help)")
    exit 2
}

function Read-Arguments([object[]] $arguments) {
    $valued = @('Master', 'SparkHome', 'WorkerDir', 'JarPath', 'AppPath', 'MicrosoftSparkVersion', 'Conf')
    $options = @{
        Master = 'local[*]'; SparkHome = $env:SPARK_HOME; WorkerDir = $env:DOTNET_WORKER_DIR; JarPath = $null
        AppPath = $null; MicrosoftSparkVersion = $null; Conf = @(); DryRun = $false; Help = $false
        JobArgs = @()
    }
    $i = 0
    while ($i -lt $arguments.Count) {
        $token = [string]$arguments[$i]
        if ($token -eq '--') { $i++; break }
        if ($token -in @('--help', '-?', '-h')) { $options.Help = $true; break }
        if ($token -notmatch '^-(?<name>[A-Za-z]+)$') { break }
        $name = $valued + @('DryRun', 'Help') | Where-Object { $_ -eq $Matches.name } | Select-Object -First 1
        if (-not $name) { Stop-WithUsageError "unknown option '$token' (job options take two dashes, e.g. --port)" }
        if ($name -in $valued) {
            if ($i + 1 -ge $arguments.Count) { Stop-WithUsageError "$token needs a value" }
            $value = [string]$arguments[$i + 1]
            if ($name -eq 'Conf') {
                if ($value -notmatch '^[^=\s]+=.*$') { Stop-WithUsageError "-Conf takes key=value, not '$value'" }
                $options.Conf += $value
            } else {
                $options[$name] = $value
            }
            $i += 2
        } else {
            $options[$name] = $true
            $i++
        }
    }
    if ($i -lt $arguments.Count) { $options.JobArgs = @($arguments[$i..($arguments.Count - 1)] | ForEach-Object { [string]$_ }) }
    return $options
}

function Get-PortableRid {
    $os = $IsWindows ? 'win' : ($IsMacOS ? 'osx' : 'linux')
    $arch = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    return "$os-$arch"
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
        Stop-WithError 'Java was not found. Install a JDK (8, 11 or 17 for Spark 3.x; 17 for Spark 4.0) and set JAVA_HOME or put java on PATH.'
    }
    return $found
}

function Resolve-SparkInstall([string] $sparkDir) {
    if (-not $sparkDir) {
        Stop-WithError 'SPARK_HOME is not set. Download Apache Spark 3.3-3.5 or 4.0, unpack it, and set SPARK_HOME (or pass -SparkHome <dir>).'
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
    if (-not $core -or $core.Name -notmatch '^spark-core_(?<scala>\d+\.\d+)-(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+).*\.jar$') {
        Stop-WithError "cannot tell the Spark version: no jars/spark-core_<scala>-<version>.jar under '$sparkDir'."
    }
    return [pscustomobject]@{
        Submit = $submit
        Scala  = $Matches.scala
        Major  = [int]$Matches.major
        Minor  = [int]$Matches.minor
        Patch  = [int]$Matches.patch
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
    # The worker's version: its assembly's, else the release archive's folder name (Microsoft.Spark.Worker-2.4.0).
    $dll = Join-Path $dir 'Microsoft.Spark.Worker.dll'
    $workerVersion = (Test-Path -LiteralPath $dll -PathType Leaf) ? [System.Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion : $null
    if (-not $workerVersion -and (Split-Path -Leaf $dir) -match '^Microsoft\.Spark\.Worker-(?<version>\d+\.\d+\.\d+)') {
        $workerVersion = $Matches.version
    }
    if ($workerVersion -and -not $workerVersion.StartsWith($version)) {
        Stop-WithError "the worker in '$dir' is version $workerVersion but the job is built against Microsoft.Spark $version; they must match: unpack Microsoft.Spark.Worker $version (net8.0) from the dotnet/spark releases and point DOTNET_WORKER_DIR at it."
    }
    return (Resolve-Path -LiteralPath $dir).Path
}

# The Microsoft.Spark release for this Spark: the one asked for, else the default for its line; one line says which
# release to use when the pair does not fit (Spark 4 with 2.3.1, a Spark no release serves yet).
function Select-MicrosoftSparkVersion([pscustomobject] $spark, [string] $requested) {
    $line = "$($spark.Major).$($spark.Minor)"
    $serving = @($releases.Keys | Where-Object { $releases[$_].ContainsKey($line) })
    $sparkName = "Spark $line.$($spark.Patch)"
    if ($serving.Count -eq 0) {
        $newest = @($releases.Keys)[-1]
        $supported = $releases.Values | ForEach-Object { $_.Keys } | Sort-Object -Unique | ForEach-Object {
            $served = $_
            "$served ($(@($releases.Keys | Where-Object { $releases[$_].ContainsKey($served) }) -join '/'))"
        }
        Stop-WithError "SparkVideo runs on Spark $($supported -join ', ') with those Microsoft.Spark releases, not on ${sparkName}: install Spark 4.0.x with Microsoft.Spark $newest, or 3.5.x."
    }
    $version = $requested ? $requested : ($spark.Major -ge 4 ? $serving[-1] : $microsoftSparkVersionDefault)
    if ($releases.Contains($version) -and $version -notin $serving) {
        Stop-WithError "$sparkName needs Microsoft.Spark $($serving -join ' or '): $version has no $line bridge. Pass -MicrosoftSparkVersion $($serving[-1]) with the Microsoft.Spark.Worker $($serving[-1]) (net8.0)."
    }
    return $version
}

# Spark 4 runs on JDK 17 or newer; `java -version` prints e.g. openjdk version "17.0.9" (or "1.8.0_392" for 8).
function Assert-JavaFor([pscustomobject] $spark, [string] $java) {
    $needed = $minimumJava[$spark.Major]
    if (-not $needed -or $needed -le 8) { return }
    $text = (& $java -version 2>&1 | Out-String)
    if ($text -notmatch 'version "(?<first>\d+)(\.(?<second>\d+))?') {
        Stop-WithError "cannot tell the version of '$java' (java -version printed: $($text.Trim())); Spark $($spark.Major) needs JDK $needed."
    }
    $major = $Matches.first -eq '1' ? [int]$Matches.second : [int]$Matches.first
    if ($major -lt $needed) {
        Stop-WithError "Spark $($spark.Major).$($spark.Minor).$($spark.Patch) needs JDK $needed or newer, but '$java' is Java $major. Set JAVA_HOME to a JDK $needed."
    }
}

function Find-Jar([pscustomobject] $spark, [string] $version, [string[]] $searchDirs) {
    $scala = $bridgeScala[$spark.Major]
    if ($scala -and $spark.Scala -ne $scala) {
        Stop-WithError "Spark $($spark.Major).$($spark.Minor).$($spark.Patch) at '$($options.SparkHome)' is built for Scala $($spark.Scala), but Microsoft.Spark's $($spark.Major).$($spark.Minor) bridge is for Scala ${scala}: use the Scala $scala build of Spark."
    }
    $name = "microsoft-spark-$($spark.Major)-$($spark.Minor)_$($spark.Scala)-$version.jar"
    foreach ($dir in $searchDirs | Where-Object { $_ -and (Test-Path -LiteralPath $_ -PathType Container) }) {
        $hit = Get-ChildItem -LiteralPath $dir -Filter $name -Recurse -File -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($hit) { return $hit.FullName }
    }
    Stop-WithError "$name was not found (looked in: $($searchDirs -join ', ')). It ships in the Microsoft.Spark $version NuGet package (jars/); restore it with -p:SparkBackend=Microsoft.Spark or pass -JarPath."
}

function Publish-Job([string] $version, [string] $out) {
    $rid = Get-PortableRid
    Write-Host "Publishing src/SparkJob for the Microsoft.Spark $version backend ($rid) to $out ..."
    # A portable RID (linux-x64, win-x64), never a distro one such as ubuntu.24.04-x64: OpenCV's natives exist only
    # for the portable ones. The natives land beside the assemblies, where SparkVideo.Native finds them in the worker.
    & dotnet publish (Join-Path $repoRoot 'src' 'SparkJob' 'SparkJob.csproj') -c Release -o $out `
        -r $rid --self-contained false -p:SparkBackend=Microsoft.Spark -p:MicrosoftSparkVersion=$version
    if ($LASTEXITCODE -ne 0) {
        Stop-WithError "publishing the job failed (exit $LASTEXITCODE). The Microsoft.Spark $version package must be reachable from your NuGet sources."
    }
}

function Test-LocalMaster([string] $master) { return $master -match '^local(\[[^\]]*\])?$' }

$options = Read-Arguments $args
if ($options.Help) {
    Write-Output $usage
    exit 0
}

$java = Find-Java
$spark = Resolve-SparkInstall $options.SparkHome
$version = Select-MicrosoftSparkVersion $spark $options.MicrosoftSparkVersion
Assert-JavaFor $spark $java
$worker = Resolve-Worker $options.WorkerDir $version

if ($options.AppPath) {
    if (-not (Test-Path -LiteralPath (Join-Path $options.AppPath 'SparkJob.dll') -PathType Leaf)) {
        Stop-WithError "-AppPath '$($options.AppPath)' has no SparkJob.dll; publish the job with: dotnet publish src/SparkJob -c Release -p:SparkBackend=Microsoft.Spark -o <dir>"
    }
    $app = (Resolve-Path -LiteralPath $options.AppPath).Path
} else {
    $app = Join-Path $repoRoot 'artifacts' 'sparkjob-microsoft-spark'
    if (-not $options.DryRun) { Publish-Job $version $app }
}

if ($options.JarPath) {
    if (-not (Test-Path -LiteralPath $options.JarPath -PathType Leaf)) { Stop-WithError "-JarPath '$($options.JarPath)' does not exist." }
    $jar = (Resolve-Path -LiteralPath $options.JarPath).Path
} else {
    $nugetRoot = $env:NUGET_PACKAGES ? $env:NUGET_PACKAGES : (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget' 'packages')
    $jar = Find-Jar $spark $version @($app, (Join-Path $nugetRoot 'microsoft.spark' $version))
}

$conf = @()
$line = "$($spark.Major).$($spark.Minor)"
$knownPatch = $releases.Contains($version) ? $releases[$version][$line] : $null
if ($null -ne $knownPatch -and $spark.Patch -gt $knownPatch) {
    Write-Host "Spark $line.$($spark.Patch) is newer than the microsoft-spark $line jar knows ($line.0-$line.$knownPatch): passing spark.dotnet.ignoreSparkPatchVersionCheck=true"
    $conf += 'spark.dotnet.ignoreSparkPatchVersionCheck=true'
}

if (Test-LocalMaster $options.Master) {
    $searchPaths = $app
} else {
    # Executors do not see the driver's folders: ship the job as an archive that Spark unpacks into each
    # executor's working directory as ./sparkvideo (the .NET for Apache Spark deployment pattern).
    $zip = "$app.zip"
    if (-not $options.DryRun) {
        Write-Host "Packing $app into $zip ..."
        Compress-Archive -Path (Join-Path $app '*') -DestinationPath $zip -Force
    }
    $searchPaths = './sparkvideo'
    $conf += "spark.executorEnv.DOTNET_ASSEMBLY_SEARCH_PATHS=$searchPaths"
    $conf += "spark.executorEnv.DOTNET_WORKER_DIR=$worker"
}
$conf += $options.Conf

$arguments = @('--class', 'org.apache.spark.deploy.dotnet.DotnetRunner', '--master', $options.Master)
if (-not (Test-LocalMaster $options.Master)) { $arguments += @('--archives', "$zip#sparkvideo") }
foreach ($entry in $conf) { $arguments += @('--conf', $entry) }
$arguments += @($jar, 'dotnet', (Join-Path $app 'SparkJob.dll')) + $options.JobArgs

# The driver (started by DotnetRunner on this machine) loads the job from the published folder in every mode.
$env:DOTNET_WORKER_DIR = $worker
$env:DOTNET_ASSEMBLY_SEARCH_PATHS = (Test-LocalMaster $options.Master) ? $app : "$app,$searchPaths"
$env:JAVA_HOME = Split-Path (Split-Path $java -Parent) -Parent

$quoted = ($arguments | ForEach-Object { $_ -match '[\s\*\[\]"#]' ? "'$_'" : $_ }) -join ' '
Write-Host "DOTNET_WORKER_DIR=$env:DOTNET_WORKER_DIR"
Write-Host "DOTNET_ASSEMBLY_SEARCH_PATHS=$env:DOTNET_ASSEMBLY_SEARCH_PATHS"
Write-Host "$($spark.Submit) $quoted"
if ($options.DryRun) { exit 0 }

& $spark.Submit @arguments
exit $LASTEXITCODE
