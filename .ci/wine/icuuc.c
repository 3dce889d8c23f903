/* Test stand-in for Windows' icuuc.dll, which wine 8 lacks and Qt6Core.dll imports.
   No converter opens, so Qt keeps to its own codecs. Never shipped in the app. */
#define STUB(name) __declspec(dllexport) void *name(void) { return 0; }

enum { U_FILE_ACCESS_ERROR = 4 };

__declspec(dllexport) void *ucnv_open(const char *name, int *error)
{
    (void)name;
    if (error) *error = U_FILE_ACCESS_ERROR;
    return 0;
}

__declspec(dllexport) const char *ucnv_getStandardName(const char *name, const char *standard,
                                                       int *error)
{
    (void)name; (void)standard;
    if (error) *error = U_FILE_ACCESS_ERROR;
    return 0;
}

__declspec(dllexport) int ucnv_countAvailable(void) { return 0; }
__declspec(dllexport) void ucnv_close(void *converter) { (void)converter; }

STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE) STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE) STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize) STUB(ucnv_getName) STUB(ucnv_getToUCallBack)
STUB(ucnv_getFromUCallBack) STUB(ucnv_setToUCallBack) STUB(ucnv_setFromUCallBack)
STUB(ucnv_cbToUWriteUChars) STUB(ucnv_toUnicode) STUB(ucnv_cbFromUWriteUChars)
STUB(ucnv_toUCountPending) STUB(ucnv_fromUCountPending) STUB(ucnv_getAvailableName)
STUB(ucnv_fromUnicode)
