# Push notifications for Skype for Business Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Deploy and Configure Mobility for Skype for Business Server"
#   (https://learn.microsoft.com/en-us/skypeforbusiness/deploy/deploy-and-configure-mobility),
#   checked 2026-12-07.
#
# Answers
#   Edge Server:               Skype for Business Server 2015 (sfb2015)
#   Pool version:              Skype for Business Server 2015 (sfb2015), assumed: not given
#   Mobile clients:            ios-sfb, android-sfb, wp-sfb
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=sfb2015&clients=ios-sfb,android-sfb,wp-sfb&access-edge=accessproxy.contoso.com
#
# Verdict: Not recommended: only Windows Phone clients would get push here, through MPNS, which
#   Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole
#   organisation (unless it is on already) and needs a hosting provider, for a service that may no
#   longer deliver.
# Leave push off. To configure it anyway, choose "Configure MPNS anyway" (command line:
#   --configure-retired-mpns). Skype for Business on iPhone/iPad gets Apple push only as an opt-in
#   beyond Microsoft's page (--apns-for-sfb-ios).
#
# Status in 2026:
# - Microsoft has deprecated the Microsoft Push Notification Service (MPNS) and no longer supports
#   it: do not count on push notifications reaching Windows Phone. (Source: Send an MPNS native
#   notification - Notification Hubs REST API,
#   https://learn.microsoft.com/en-us/rest/api/notificationhubs/send-mpns-native-notification)

Write-Host 'Not recommended: only Windows Phone clients would get push here, through MPNS, which Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole organisation (unless it is on already) and needs a hosting provider, for a service that may no longer deliver.'
Write-Host '  Skype for Business on iPhone/iPad: Nothing turned on, as on Microsoft''s Skype for Business page, which turns on only MPNS. Apple push (APNS) for this app is an opt-in: msxfaq.de reports it on premises since CU4HF1 (February 2017).'
Write-Host '  Skype for Business on Android: No switch to turn on: Microsoft''s feature table lists push for the Android app, but the push settings have switches only for Apple (APNS) and Windows Phone (MPNS).'
Write-Host '  Skype for Business on Windows Phone: Needs push notifications, through Microsoft''s service for Windows Phone (MPNS).'
Write-Host 'Leave push off. To configure it anyway, choose "Configure MPNS anyway" (command line: --configure-retired-mpns). Skype for Business on iPhone/iPad gets Apple push only as an opt-in beyond Microsoft''s page (--apns-for-sfb-ios).'
Write-Host 'This script changed nothing.'
