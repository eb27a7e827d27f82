# Undo push notifications for Skype for Business Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Deploy and Configure Mobility for Skype for Business Server"
#   (https://learn.microsoft.com/en-us/skypeforbusiness/deploy/deploy-and-configure-mobility),
#   checked 2026-12-07.
#
# Answers
#   Edge Server:               Skype for Business Server 2015 (sfb2015)
#   Pool version:              Skype for Business Server 2015 (sfb2015)
#   Mobile clients:            ios-lync2010, ios-sfb, wp-sfb
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=sfb2015&pool=sfb2015&clients=ios-lync2010,ios-sfb,wp-sfb&access-edge=accessproxy.contoso.com
#
# Verdict: Configure push notifications (APNS and MPNS) through hosting-provider federation with
#   Skype for Business Online.
#
# Run it from the folder that holds the configuration script and its undo record
#   (LyncPushNotifications.undo.xml), in the Skype for Business Server Management Shell.
# It undoes only what the configuration script changed: it turns off the push switches it turned on
#   (in every scope the record holds), removes push settings, the allowed domain and the hosting
#   provider only if the configuration script created them, and checks each value first: one that
#   has been changed since is left as it is, with a warning.
# Without -Force it never turns federation off (AllowFederatedUsers stops federation with every
#   partner, for the whole organisation), or a provider or allowed domain it created that was
#   changed since. -Force undoes all of those at once; push settings changed since stay even then,
#   and so does a hosting provider that now has EnabledSharedAddressSpace True (a hybrid deployment
#   uses it).
# If it stops, run it again: what is already undone is skipped. When it finishes, the record is
#   renamed, so a later run changes nothing.
# Outcome, in $LASTEXITCODE: 0 finished; 3 finished, except what needs -Force (the record is kept
#   for that run); 1 stopped, or no undo record here.
# It prints grey ~push lines beside its own words: they change nothing, and let the wizard read the
#   run back. To keep the run in a file: Start-Transcript -Path .\push-run.txt;
#   .\Undo-LyncPushNotifications.ps1; Stop-Transcript. Paste the output or that file into the wizard
#   ("After the run"), or: lync-push-wizard --report push-run.txt
#
# Downloaded as Undo-LyncPushNotifications.ps1? Windows marks it as from the internet, and the
#   RemoteSigned policy refuses it until you unblock it:
#   Unblock-File -Path .\Undo-LyncPushNotifications.ps1
#   or right-click the file in Explorer, click Properties, click Unblock, then OK.

param([switch]$Force)

# The script block keeps $ErrorActionPreference and its variables out of your session.
& {
    param($scriptPath, $force)
    $ErrorActionPreference = 'Stop'
    $global:LASTEXITCODE = 1
    $recordFolder = (Get-Location).Path
    if ($scriptPath) {
        $recordFolder = Split-Path -Parent $scriptPath
    }
    $recordPath = Join-Path $recordFolder 'LyncPushNotifications.undo.xml'
    # Marks for the wizard's run report: the grey ~push lines. They change nothing; a mark that
    #   fails is left out (the last mark's count shows the gap), and never stops the script.
    # Values are percent-encoded ([System.Uri]::EscapeDataString, each value at most 1000
    #   characters), no line is longer than 72 characters, and the last mark counts the marks before
    #   it and carries a check value: Adler-32-style sums, a mark at a time, of each mark's bytes.
    $marks = @{ n = 0; a = 1; b = 0 }
    $mark = {
        param($values)
        try {
            $line = '~push1'
            foreach ($value in $values) {
                $text = [string]$value
                if ($text.Length -gt 1000) {
                    $text = $text.Substring(0, 1000)
                }
                $line += '|' + [System.Uri]::EscapeDataString($text).Replace('~', '%7E')
            }
            $line += '~'
            $sum = [int]([System.Text.Encoding]::UTF8.GetBytes($line + "`n") | Measure-Object -Sum).Sum
            while ($line.Length -gt 72) {
                Write-Host $line.Substring(0, 71) -ForegroundColor DarkGray
                $line = $line.Substring(71)
            }
            Write-Host $line -ForegroundColor DarkGray
            $marks['a'] = $marks['a'] + $sum
            while ($marks['a'] -ge 65521) {
                $marks['a'] = $marks['a'] - 65521
            }
            $marks['b'] = $marks['b'] + $marks['a']
            while ($marks['b'] -ge 65521) {
                $marks['b'] = $marks['b'] - 65521
            }
            $marks['n'] = $marks['n'] + 1
        }
        catch {
            # Left out: the run goes on as it would without marks.
        }
    }
    & $mark @('begin', 'rollback', '2026.12.07', 'edge=sfb2015&pool=sfb2015&clients=ios-lync2010,ios-sfb,wp-sfb&access-edge=accessproxy.contoso.com', [bool]$force)
    if ($recordPath.Contains('[') -or $recordPath.Contains(']') -or $recordPath.Contains('`')) {
        $message = 'Nothing was undone: PowerShell 2.0 cannot read the record at ' + $recordPath + ' ([, ] and ` are wildcards to -Path). Move this script and the record to a folder without them.'
        Write-Host $message -ForegroundColor Red
        & $mark @('stop', $message)
        & $mark @('end', $global:LASTEXITCODE, $marks['n'], ($marks['b'].ToString('X4') + $marks['a'].ToString('X4')))
        return
    }
    if (-not (Test-Path -LiteralPath $recordPath)) {
        $message = 'No undo record at ' + $recordPath + ', so nothing was undone. Run this from the folder of the configuration script; a record already undone is kept as *.done.xml.'
        Write-Host $message
        & $mark @('stop', $message)
        & $mark @('end', $global:LASTEXITCODE, $marks['n'], ($marks['b'].ToString('X4') + $marks['a'].ToString('X4')))
        return
    }
    try {
        Write-Host 'Pre-flight checks (nothing is changed until they pass)'
        $cmdlets = @('Get-CsAccessEdgeConfiguration', 'Set-CsAccessEdgeConfiguration', 'Get-CsPushNotificationConfiguration', 'Remove-CsPushNotificationConfiguration', 'Set-CsPushNotificationConfiguration', 'Get-CsAllowedDomain', 'Remove-CsAllowedDomain', 'Get-CsHostingProvider', 'Remove-CsHostingProvider')
        $missing = @()
        foreach ($name in $cmdlets) {
            if (-not (Get-Command -Name $name -ErrorAction SilentlyContinue)) {
                $missing += $name
            }
        }
        if ($missing.Count -eq $cmdlets.Count) {
            throw 'The Skype for Business Server cmdlets are missing: this is not the Skype for Business Server Management Shell. Start it from the Start menu (or run Import-Module SkypeForBusiness first), then run this again. Nothing was changed.'
        }
        if ($missing.Count -gt 0) {
            $why = ' Run this in the Skype for Business Server Management Shell of a Skype for Business Server deployment that has them.'
            throw ('This shell lacks ' + ($missing -join ', ') + '.' + $why + ' Nothing was changed.')
        }
        Write-Host ('  OK: the ' + $cmdlets.Count + ' Skype for Business Server cmdlets this script uses are all here.')
        $record = Import-Clixml -Path $recordPath
        # Set when something is left because only -Force may undo it; the record is then kept.
        $needsForce = $false
        if ($record.ContainsKey('PushBefore')) {
            $legacy = $record['PushBefore']
            Write-Warning ('This record also holds push settings from an earlier version of the script, which are not undone here: ' + $legacy['Identity'] + ' had Apple ' + $legacy['Apple'] + ' and Microsoft ' + $legacy['Microsoft'] + ' before it ran. Check them with Get-CsPushNotificationConfiguration.')
            & $mark @('warning', 'earlier-record', $legacy['Identity'])
        }
        #
        # Undo step 4 ("Enable federation on the Access Edge")
        Write-Host 'Undo step 4 ("Enable federation on the Access Edge")'
        & $mark @('step', 4)
        if ($record.ContainsKey('AllowFederatedUsersBefore')) {
            $accessEdge = Get-CsAccessEdgeConfiguration
            if (-not $accessEdge.AllowFederatedUsers) {
                Write-Host '  Skipped: the Access Edge already does not allow federated users.'
            }
            elseif ($force) {
                Set-CsAccessEdgeConfiguration -AllowFederatedUsers $record['AllowFederatedUsersBefore']
                Write-Host ('  Done: AllowFederatedUsers is ' + $record['AllowFederatedUsersBefore'] + ' again (-Force).')
                & $mark @('set', 'accessedge', 'Global', 'AllowFederatedUsers', $true, [bool]$record['AllowFederatedUsersBefore'])
            }
            else {
                $needsForce = $true
                Write-Warning 'Left as it is: AllowFederatedUsers stays True. Turning it off ends federation with every partner for the whole organisation, not only push. Run this script with -Force to turn it off; -Force undoes every item left, at once.'
                & $mark @('left', 'accessedge', 'Global', $true)
            }
        }
        else {
            Write-Host '  Skipped: the configuration script did not change it.'
            & $mark @('skipped', 'not-changed')
        }
        #
        # Undo step 3 ("Turn on push notifications (APNS and MPNS, global)")
        Write-Host 'Undo step 3 ("Turn on push notifications (APNS and MPNS, global)")'
        & $mark @('step', 3)
        $pushRecord = @{}
        if ($record.ContainsKey('PushSettings')) {
            $pushRecord = $record['PushSettings']
        }
        if ($pushRecord.Count -eq 0) {
            Write-Host '  Skipped: the configuration script did not change push settings.'
            & $mark @('skipped', 'not-changed')
        }
        foreach ($identity in @($pushRecord.Keys)) {
            $entry = $pushRecord[$identity]
            $current = @(Get-CsPushNotificationConfiguration | Where-Object { [string]$_.Identity -eq $identity })
            if ($current.Count -eq 0) {
                Write-Host ('  Skipped: ' + $identity + ' has no push settings now.')
            }
            elseif (-not $entry['Existed']) {
                if ($current[0].EnableApplePushNotificationService -eq $entry['AppleSet'] -and $current[0].EnableMicrosoftPushNotificationService -eq $entry['MicrosoftSet']) {
                    Remove-CsPushNotificationConfiguration -Identity $identity
                    Write-Host ('  Done: removed ' + $identity + ', which the configuration script created; the global settings apply there again.')
                    & $mark @('removed', 'push', $identity)
                }
                else {
                    Write-Warning ('Left as it is: the configuration script created ' + $identity + ', but its push switches have been changed since.')
                    & $mark @('left', 'push', $identity, $false)
                }
            }
            else {
                if ($entry['AppleSet']) {
                    if ($current[0].EnableApplePushNotificationService) {
                        Set-CsPushNotificationConfiguration -Identity $identity -EnableApplePushNotificationService $entry['AppleBefore']
                        Write-Host ('  Done: Apple push (APNS) is ' + $entry['AppleBefore'] + ' again in ' + $identity + '.')
                        & $mark @('set', 'push', $identity, 'EnableApplePushNotificationService', $true, [bool]$entry['AppleBefore'])
                    }
                    else {
                        Write-Host ('  Skipped: Apple push (APNS) is already off in ' + $identity + '.')
                    }
                }
                if ($entry['MicrosoftSet']) {
                    if ($current[0].EnableMicrosoftPushNotificationService) {
                        Set-CsPushNotificationConfiguration -Identity $identity -EnableMicrosoftPushNotificationService $entry['MicrosoftBefore']
                        Write-Host ('  Done: Windows Phone push (MPNS) is ' + $entry['MicrosoftBefore'] + ' again in ' + $identity + '.')
                        & $mark @('set', 'push', $identity, 'EnableMicrosoftPushNotificationService', $true, [bool]$entry['MicrosoftBefore'])
                    }
                    else {
                        Write-Host ('  Skipped: Windows Phone push (MPNS) is already off in ' + $identity + '.')
                    }
                }
            }
        }
        #
        # Undo step 2 ("Allow federation with push.lync.com")
        Write-Host 'Undo step 2 ("Allow federation with push.lync.com")'
        & $mark @('step', 2)
        if ($record.ContainsKey('CreatedAllowedDomain')) {
            $allowed = @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
            if ($allowed.Count -eq 0) {
                Write-Host '  Skipped: push.lync.com is no longer an allowed domain.'
            }
            elseif (($allowed[0].ProxyFqdn -or $allowed[0].Comment -or $allowed[0].MarkForMonitoring) -and -not $force) {
                $needsForce = $true
                Write-Warning 'Left as it is: push.lync.com has been changed since the configuration script added it (ProxyFqdn, Comment or MarkForMonitoring). Run this script with -Force to remove it anyway; -Force undoes every item left, at once.'
                & $mark @('left', 'allowed', 'push.lync.com', $true)
            }
            else {
                Remove-CsAllowedDomain -Identity "push.lync.com"
                Write-Host '  Done: removed push.lync.com from the allowed domains.'
                & $mark @('removed', 'allowed', 'push.lync.com')
            }
        }
        else {
            Write-Host '  Skipped: push.lync.com was allowed before the configuration script ran, so it stays.'
            & $mark @('skipped', 'not-changed')
        }
        #
        # Undo step 1 ("Add the Skype for Business Online hosting provider
        #   (sipfed.online.lync.com)")
        Write-Host 'Undo step 1 ("Add the Skype for Business Online hosting provider (sipfed.online.lync.com)")'
        & $mark @('step', 1)
        if ($record.ContainsKey('CreatedHostingProvider')) {
            $provider = @(Get-CsHostingProvider | Where-Object { [string]$_.Identity -eq "SkypeOnline" })
            if ($provider.Count -eq 0) {
                Write-Host '  Skipped: hosting provider SkypeOnline is already gone.'
            }
            elseif ($provider[0].EnabledSharedAddressSpace) {
                Write-Warning 'Left as it is, even with -Force: hosting provider SkypeOnline now has EnabledSharedAddressSpace True, so a hybrid deployment uses it, and removing it would cut that off.'
                & $mark @('left', 'provider', 'SkypeOnline', $false)
            }
            elseif ((-not $provider[0].Enabled -or $provider[0].HostsOCSUsers -or [string]$provider[0].VerificationLevel -ne 'UseSourceVerification') -and -not $force) {
                $needsForce = $true
                Write-Warning 'Left as it is: hosting provider SkypeOnline has been changed since the configuration script created it (Enabled, HostsOCSUsers or VerificationLevel). Run this script with -Force to remove it anyway; -Force undoes every item left, at once.'
                & $mark @('left', 'provider', 'SkypeOnline', $true)
            }
            else {
                Remove-CsHostingProvider -Identity "SkypeOnline"
                Write-Host '  Done: removed hosting provider SkypeOnline.'
                & $mark @('removed', 'provider', 'SkypeOnline')
            }
        }
        else {
            Write-Host '  Skipped: the hosting provider was there before the configuration script ran, so it stays.'
            & $mark @('skipped', 'not-changed')
        }
        #
        if ($needsForce) {
            $global:LASTEXITCODE = 3
            Write-Warning 'Finished, except what needs -Force (see the warnings above). The undo record is kept; -Force undoes all of those at once.'
        }
        else {
            $doneName = 'LyncPushNotifications.undo.' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.done.xml'
            Rename-Item -Path $recordPath -NewName $doneName
            $global:LASTEXITCODE = 0
            Write-Host ('Finished. The record is kept as ' + $doneName + ', so running this again changes nothing.')
        }
    }
    catch {
        $global:LASTEXITCODE = 1
        Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red
        & $mark @('stop', $_.Exception.Message)
        Write-Host 'The undo record is kept. Fix the cause and run this again; what is already undone is skipped.'
    }
    & $mark @('end', $global:LASTEXITCODE, $marks['n'], ($marks['b'].ToString('X4') + $marks['a'].ToString('X4')))
} $MyInvocation.MyCommand.Path $Force
# Run as a file, the exit code is the outcome ($LASTEXITCODE); pasted into a shell, the shell stays
#   open.
if ($MyInvocation.MyCommand.Path) {
    exit $LASTEXITCODE
}
