// placeholder: replaced by the sandbox work
int main()
{
    return 0;
}
