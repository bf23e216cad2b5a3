// libzip (Debian libzip-dev): ZIP bills from Alipay and WeChat Pay (PKWARE and WinZip AES) and Authenticator
// Plus backups.
#include <zip.h>
